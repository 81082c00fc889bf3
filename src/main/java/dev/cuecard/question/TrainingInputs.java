package dev.cuecard.question;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The SHA-256 of everything the category model and the topic index are a function of: the templates' phrasings,
 * titles and keywords, the labelled examples, the ASR vocabulary, the detector's phrase lists, the
 * training constants and switches, and the code that turns a text into features and trains (the
 * class files themselves, so a changed feature or trainer is never paired with an old model). Equal
 * hashes mean a stored model is exactly the one training would give; it costs a few milliseconds.
 */
final class TrainingInputs {
    /** The classes whose code decides the model: features, the phonetic and vocabulary steps, the trainer. */
    private static final List<Class<?>> CODE = List.of(CategoryModel.class, UtteranceClassifier.class,
            UtteranceFeatures.class, Features.class, TextNormalizer.class, AsrVocabulary.class, TechnicalTerms.class,
            PhoneticMatcher.class, QuestionDetector.class, TopicClassifier.class, SparseVector.class,
            DoubleMetaphone.class);

    /** The build's record of which files the shipped hash was made from ({@link #writeShipped}). */
    static final String SHIPPED_RESOURCE = "/dev/cuecard/question/training-inputs.bin";
    private static final int MAGIC = 0x43435449; // "CCTI"

    private final MessageDigest digest;

    private TrainingInputs() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static byte[] hash(TemplateLibrary library, AsrVocabulary vocabulary, QuestionDetector detector,
                       List<ExampleSet.Labelled> examples, boolean phonetic) {
        TrainingInputs h = new TrainingInputs();
        h.put("cuecard category model and topic index 2");
        h.put("epochs=" + CategoryModel.EPOCHS + " rate=" + CategoryModel.LEARNING_RATE + " l2=" + CategoryModel.L2
                + " seed=" + CategoryModel.SEED + " none=" + UtteranceClassifier.NONE_WEIGHT
                + " chars=" + UtteranceFeatures.CHAR_WEIGHT + " phonetic=" + phonetic
                + " phonetic.minWords=" + PhoneticMatcher.MIN_WORDS + " phonetic.ordinary=" + PhoneticMatcher.SKIP_ORDINARY);
        for (Category c : Category.values()) {
            h.put(c.id());
        }
        for (Template t : library.all()) {
            h.put("template");
            h.put(t.id());
            h.put(t.category().id());
            h.put(t.title());
            h.list(t.triggers());
            h.list(t.keywords());
        }
        h.put("examples");
        for (ExampleSet.Labelled e : examples) {
            h.put(e.category().id());
            h.put(e.templateId() == null ? "-" : e.templateId());
            h.put(e.text());
        }
        h.put("vocabulary");
        h.list(vocabulary.describe());
        QuestionCues cues = detector.phrases();
        h.put("cues");
        h.list(List.copyOf(new TreeSet<>(cues.preamble())));
        h.list(cues.starters());
        h.list(cues.anywhere());
        h.list(cues.smallTalk());
        if (phonetic && PhoneticMatcher.SKIP_ORDINARY) {
            h.put("phonetic ordinary runs");
            h.list(PhoneticMatcher.shippedOrdinaryRuns());
        }
        h.put("code");
        for (Class<?> c : CODE) {
            h.put(c.getName());
            h.bytes(classFile(c));
        }
        return h.digest.digest();
    }

    private static byte[] classFile(Class<?> c) {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            // an unreadable class file gives a hash no stored model has: the model is trained
            return ("unreadable " + e).getBytes(StandardCharsets.UTF_8);
        }
    }

    private void list(List<String> items) {
        digest.update(ByteBuffer.allocate(4).putInt(items.size()).array());
        items.forEach(this::put);
    }

    /** Length-prefixed, so no two different sequences of strings hash alike by concatenation. */
    private void put(String s) {
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] b) {
        digest.update(ByteBuffer.allocate(4).putInt(b.length).array());
        digest.update(b);
    }

    /**
     * The hash of the shipped inputs as the build worked it out, when the files it was made from are
     * the ones in this class path (start-up, issue 12): the hash itself needs the ~9,600 labelled
     * examples read and every template's texts hashed, ~60 ms of a one-line command's main thread.
     * Empty when the record is missing or any of those files differs; the caller then hashes.
     */
    static Optional<byte[]> storedShippedHash() {
        try (InputStream in = TrainingInputs.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            java.io.DataInputStream d = new java.io.DataInputStream(in);
            if (d.readInt() != MAGIC) {
                return Optional.empty();
            }
            byte[] files = d.readNBytes(32);
            byte[] hash = d.readNBytes(32);
            return hash.length == 32 && java.util.Arrays.equals(files, shippedFilesStamp()) ? Optional.of(hash)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The record {@link #storedShippedHash} reads: this class path's files stamp, then the hash. */
    static byte[] shippedRecord(byte[] hash) {
        return ByteBuffer.allocate(68).putInt(MAGIC).put(shippedFilesStamp()).put(hash).array();
    }

    /**
     * A cheap stamp of every file the shipped hash is a function of — the templates, vocabulary and
     * cues, the examples, the code that parses and hashes them and the code that trains — each as its
     * length and CRC-32 (as {@link PhrasingSet#filesStamp()} does for the stored vectors).
     */
    static byte[] shippedFilesStamp() {
        List<String> names = new java.util.ArrayList<>(ShippedData.sources());
        names.add("/dev/cuecard/question/examples.tsv");
        names.add(PhoneticMatcher.ORDINARY_RESOURCE);
        for (Class<?> c : CODE) {
            names.add("/" + c.getName().replace('.', '/') + ".class");
        }
        for (Class<?> c : List.of(TrainingInputs.class, ExampleSet.class, TemplateLibrary.class, Template.class,
                ShippedData.class, Category.class, QuestionCues.class)) {
            names.add("/" + c.getName().replace('.', '/') + ".class");
        }
        names.add("/com/fasterxml/jackson/dataformat/yaml/PackageVersion.class");
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update("cuecard training input files 1".getBytes(StandardCharsets.UTF_8));
            ShippedData.stampFiles(d, names);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
