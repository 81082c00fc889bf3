package dev.cuecard.question;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The texts the classifier learns from, as the embedding index stores them: every template
 * trigger and every shipped example, normalized, duplicates dropped, in a fixed order. Its hash
 * tells whether build-time vectors still match the shipped templates and examples.
 */
record PhrasingSet(List<Phrasing> phrasings, byte[] sourceHash, byte[] inputStamp) {

    /** One text with its labels; {@code templateId} is null for examples without a template. */
    public record Phrasing(Category category, String templateId, String text) {
    }

    /** No stamp of input files: a set put together in code (tests, another library). */
    static final byte[] NO_STAMP = new byte[32];

    public PhrasingSet {
        phrasings = List.copyOf(phrasings);
        sourceHash = sourceHash.clone();
        inputStamp = inputStamp.clone();
    }

    PhrasingSet(List<Phrasing> phrasings, byte[] sourceHash) {
        this(phrasings, sourceHash, NO_STAMP);
    }

    @Override
    public byte[] inputStamp() {
        return inputStamp.clone();
    }

    @Override
    public byte[] sourceHash() {
        return sourceHash.clone();
    }

    /** From the shipped templates and examples: what the build-time vectors were made from. */
    public static PhrasingSet shipped() {
        PhrasingSet set = of(TemplateLibrary.shipped(), ExampleSet.shipped());
        return new PhrasingSet(set.phrasings(), set.sourceHash(), filesStamp());
    }

    /** Files besides the templates' sources that decide the shipped phrasings' texts. */
    private static final List<String> STAMPED = List.of("/dev/cuecard/question/examples.tsv",
            "/dev/cuecard/question/PhrasingSet.class", "/dev/cuecard/question/ExampleSet.class",
            "/dev/cuecard/question/TextNormalizer.class", "/dev/cuecard/question/ShippedData.class",
            "/dev/cuecard/question/TemplateLibrary.class", "/dev/cuecard/question/Template.class");

    /**
     * A cheap stamp of the files the shipped phrasings are made from (start-up, issue 12): the
     * templates' sources and the examples, with the code that reads and normalises them, each as
     * its length and CRC-32 (native, fast before the JIT warms up). Stored vectors carrying the same
     * stamp were made from these files, so the app need not rebuild and hash the ~4,000 normalised
     * texts (~0.3 s at start) to trust them; any other stamp falls back to that full check.
     */
    static byte[] filesStamp() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((OnnxSentenceEmbedder.MODEL_ID + "\n").getBytes(StandardCharsets.UTF_8));
            List<String> names = new ArrayList<>(ShippedData.sources());
            names.addAll(STAMPED);
            ShippedData.stampFiles(d, names);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static PhrasingSet of(TemplateLibrary library, List<ExampleSet.Labelled> examples) {
        Set<Phrasing> unique = new LinkedHashSet<>();
        for (Template t : library.all()) {
            for (String trigger : t.triggers()) {
                add(unique, t.category(), t.id(), trigger);
            }
        }
        for (ExampleSet.Labelled e : examples) {
            add(unique, e.category(), e.templateId(), e.text());
        }
        List<Phrasing> list = new ArrayList<>(unique);
        return new PhrasingSet(list, hash(list));
    }

    private static void add(Set<Phrasing> to, Category category, String templateId, String text) {
        String normalized = TextNormalizer.normalize(text);
        if (!normalized.isEmpty()) {
            to.add(new Phrasing(category, templateId, normalized));
        }
    }

    /** SHA-256 over the model id and every row: a change of text, label, order or model shows. */
    static byte[] hash(List<Phrasing> list) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((OnnxSentenceEmbedder.MODEL_ID + "\n").getBytes(StandardCharsets.UTF_8));
            for (Phrasing p : list) {
                String row = p.category().id() + "\t" + (p.templateId() == null ? "-" : p.templateId()) + "\t"
                        + p.text() + "\n";
                d.update(row.getBytes(StandardCharsets.UTF_8));
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
