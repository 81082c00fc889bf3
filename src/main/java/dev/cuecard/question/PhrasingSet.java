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
record PhrasingSet(List<Phrasing> phrasings, byte[] sourceHash) {

    /** One text with its labels; {@code templateId} is null for examples without a template. */
    public record Phrasing(Category category, String templateId, String text) {
    }

    public PhrasingSet {
        phrasings = List.copyOf(phrasings);
        sourceHash = sourceHash.clone();
    }

    @Override
    public byte[] sourceHash() {
        return sourceHash.clone();
    }

    /** From the shipped templates and examples: what the build-time vectors were made from. */
    public static PhrasingSet shipped() {
        return of(TemplateLibrary.shipped(), ExampleSet.shipped());
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
