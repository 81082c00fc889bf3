package dev.cuecard.question;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped templates, ASR vocabulary and question cues as the YAML parser reads them, stored at
 * build time ({@link PrecomputeShipped}) in {@code shipped-data.bin}: reading it takes a few
 * milliseconds where parsing the YAML (and starting Jackson) took a good part of a second at every
 * start. The file carries the SHA-256 of the YAML files' bytes and of the parsing code; when they
 * differ (a resource edited without a build) it is ignored and the YAML is parsed, as before.
 */
final class ShippedData {
    static final String RESOURCE = "/dev/cuecard/question/shipped-data.bin";
    /** "CQS1": the format of {@link #write}. */
    private static final int MAGIC = 0x43515331;
    /** The classes that turn the YAML into what is stored: a change to them makes the file stale. */
    private static final List<String> CODE = List.of("TemplateLibrary", "TemplateLibrary$TemplateDto",
            "TemplateLibrary$CardDto", "Template", "TemplateCard", "AsrVocabulary", "AsrVocabulary$Entry",
            "AsrVocabulary$FileDto", "QuestionCues", "ShippedData", "Category");
    private static final Logger LOG = LoggerFactory.getLogger(ShippedData.class);

    /** What the YAML gives: templates in library order, vocabulary entries and cue lists as written. */
    record Data(List<Template> templates, List<AsrVocabulary.Entry> vocabulary, QuestionCues cues) {
    }

    private ShippedData() {
    }

    /** Read once per process, on first use. */
    private static final class Holder {
        static final Optional<Data> DATA = readShipped();
    }

    /** The stored data when it matches the shipped YAML; empty when missing or stale (then parse the YAML). */
    static Optional<Data> get() {
        return Holder.DATA;
    }

    /** The YAML resources the data comes from. */
    static List<String> sources() {
        List<String> names = new ArrayList<>();
        for (Category c : Category.topics()) {
            names.add(TemplateLibrary.RESOURCE_DIR + c.id() + ".yaml");
        }
        names.add(AsrVocabulary.RESOURCE);
        names.add(QuestionCues.RESOURCE);
        return names;
    }

    /** SHA-256 over the parsing code and every source's bytes, in order. */
    static byte[] stamp() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update("cuecard shipped data 1".getBytes(StandardCharsets.UTF_8));
            for (String c : CODE) {
                lengthPrefixed(d, resource("/dev/cuecard/question/" + c + ".class"));
            }
            // Jackson's own version decides how the YAML reads, too
            lengthPrefixed(d, resource("/com/fasterxml/jackson/dataformat/yaml/PackageVersion.class"));
            for (String name : sources()) {
                lengthPrefixed(d, name.getBytes(StandardCharsets.UTF_8));
                lengthPrefixed(d, resource(name));
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void lengthPrefixed(MessageDigest d, byte[] b) {
        d.update(ByteBuffer.allocate(4).putInt(b.length).array());
        d.update(b);
    }

    /**
     * Each resource's name, length and CRC-32 into {@code d}: a cheap stamp of files (CRC-32 is native,
     * fast before the JIT warms up), for the stamps of the stored phrasings and training hash.
     */
    static void stampFiles(MessageDigest d, List<String> names) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        ByteBuffer entry = ByteBuffer.allocate(16);
        for (String name : names) {
            byte[] b = resource(name);
            crc.reset();
            crc.update(b);
            d.update(name.getBytes(StandardCharsets.UTF_8));
            d.update(entry.clear().putLong(b.length).putLong(crc.getValue()).array());
        }
    }

    /** A resource's bytes; empty when missing (which makes a stamp no stored file has). */
    static byte[] resource(String name) {
        try (InputStream in = ShippedData.class.getResourceAsStream(name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return ("unreadable " + e).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Parses the shipped YAML: what the build stores, and what is used when the store is stale. */
    static Data parseYaml() {
        TemplateLibrary.Parsed templates = TemplateLibrary.parseShipped();
        if (!templates.problems().isEmpty()) {
            throw new IllegalStateException("the shipped templates have problems: " + templates.problems());
        }
        return new Data(templates.templates(), AsrVocabulary.parseShipped(), QuestionCues.parseShipped());
    }

    private static Optional<Data> readShipped() {
        try (InputStream in = ShippedData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                LOG.warn("{} is missing from the build: parsing the YAML", RESOURCE);
                return Optional.empty();
            }
            Optional<Data> data = read(in, stamp());
            if (data.isEmpty()) {
                LOG.warn("{} does not match the shipped YAML (stale build): parsing the YAML", RESOURCE);
            }
            return data;
        } catch (IOException e) {
            LOG.warn("{} is unreadable ({}): parsing the YAML", RESOURCE, e.getMessage());
            return Optional.empty();
        }
    }

    /** The stamp in a data file's header; empty when it is not one. */
    static Optional<byte[]> stampOf(InputStream in) {
        try {
            DataInputStream d = new DataInputStream(new BufferedInputStream(in));
            return d.readInt() == MAGIC ? Optional.of(d.readNBytes(32)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The data in {@code in} if it carries {@code expectedStamp}; empty when stale or not readable. */
    static Optional<Data> read(InputStream in, byte[] expectedStamp) {
        try {
            DataInputStream d = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            if (d.readInt() != MAGIC || !Arrays.equals(d.readNBytes(32), expectedStamp)) {
                return Optional.empty();
            }
            List<Template> templates = new ArrayList<>();
            for (int i = d.readInt(); i > 0; i--) {
                String id = d.readUTF();
                Category category = Category.fromId(d.readUTF()).orElse(null);
                if (category == null) {
                    return Optional.empty();
                }
                String title = d.readUTF();
                List<String> triggers = strings(d);
                List<String> keywords = strings(d);
                TemplateCard card = new TemplateCard(d.readUTF(), strings(d), strings(d), strings(d), strings(d),
                        strings(d));
                templates.add(new Template(id, category, title, triggers, keywords, card, d.readUTF()));
            }
            List<AsrVocabulary.Entry> vocabulary = new ArrayList<>();
            for (int i = d.readInt(); i > 0; i--) {
                vocabulary.add(new AsrVocabulary.Entry(d.readUTF(), strings(d)));
            }
            QuestionCues cues = new QuestionCues(new LinkedHashSet<>(strings(d)), strings(d), strings(d), strings(d));
            if (d.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new Data(List.copyOf(templates), List.copyOf(vocabulary), cues));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<String> strings(DataInputStream d) throws IOException {
        int n = d.readInt();
        if (n < 0 || n > 100_000) {
            throw new IOException("corrupt list length " + n);
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(d.readUTF());
        }
        return List.copyOf(out);
    }

    /** Writes {@code data} (no nulls: entries without a term or heard forms are left out by the parser). */
    static void write(OutputStream out, Data data, byte[] stamp) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.write(stamp);
        d.writeInt(data.templates().size());
        for (Template t : data.templates()) {
            d.writeUTF(t.id());
            d.writeUTF(t.category().id());
            d.writeUTF(t.title());
            strings(d, t.triggers());
            strings(d, t.keywords());
            TemplateCard c = t.card();
            d.writeUTF(c.gist());
            strings(d, c.structure());
            strings(d, c.keyPoints());
            strings(d, c.numbers());
            strings(d, c.pitfalls());
            strings(d, c.followUps());
            d.writeUTF(t.source());
        }
        d.writeInt(data.vocabulary().size());
        for (AsrVocabulary.Entry e : data.vocabulary()) {
            d.writeUTF(e.term());
            strings(d, e.heard());
        }
        strings(d, List.copyOf(data.cues().preamble()));
        strings(d, data.cues().starters());
        strings(d, data.cues().anywhere());
        strings(d, data.cues().smallTalk());
        d.flush();
    }

    private static void strings(DataOutputStream d, List<String> list) throws IOException {
        d.writeInt(list.size());
        for (String s : list) {
            d.writeUTF(s);
        }
    }
}
