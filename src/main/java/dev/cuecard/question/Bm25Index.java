package dev.cuecard.question;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BM25 over templates, each template's title, keywords and phrasings as one document. Alone it is
 * the keyword baseline of bench-classify; inside the classifier it helps rank templates, where
 * evidence spread over several phrasings should add up.
 */
final class Bm25Index {
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    /** The index of the shipped templates and examples, made at build time ({@link PrecomputeShipped}). */
    static final String RESOURCE = "/dev/cuecard/question/bm25-index.bin";
    private static final int MAGIC = 0x43514231; // "CQB1"

    private final List<Template> templates = new ArrayList<>();
    private final List<Map<String, Integer>> docs = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final Map<String, Integer> df = new HashMap<>();
    private final double avgLength;

    private Bm25Index(List<Template> templates, List<Map<String, Integer>> docs, List<Integer> lengths,
                      Map<String, Integer> df, AsrVocabulary vocabulary) {
        this.templates.addAll(templates);
        this.docs.addAll(docs);
        this.lengths.addAll(lengths);
        this.df.putAll(df);
        this.vocabulary = vocabulary;
        long total = 0;
        for (int length : lengths) {
            total += length;
        }
        avgLength = (double) total / Math.max(1, docs.size());
    }

    /** The best template and its score. */
    record Match(Template template, double score) {
    }

    Bm25Index(TemplateLibrary library) {
        this(library, Map.of(), null);
    }

    /** With extra phrasings per template id, and misheard terms added back when a vocabulary is given. */
    Bm25Index(TemplateLibrary library, Map<String, List<String>> extra, AsrVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        long total = 0;
        for (Template t : library.all()) {
            StringBuilder text = new StringBuilder(t.title());
            t.keywords().forEach(k -> text.append(' ').append(k));
            t.triggers().forEach(k -> text.append(' ').append(k));
            extra.getOrDefault(t.id(), List.of()).forEach(k -> text.append(' ').append(k));
            List<String> terms = terms(text.toString());
            Map<String, Integer> tf = new HashMap<>();
            terms.forEach(w -> tf.merge(w, 1, Integer::sum));
            tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
            templates.add(t);
            docs.add(tf);
            lengths.add(terms.size());
            total += terms.size();
        }
        avgLength = (double) total / Math.max(1, docs.size());
    }

    private final AsrVocabulary vocabulary;

    private List<String> terms(String text) {
        String n = TextNormalizer.normalize(text);
        return TextNormalizer.terms(vocabulary == null ? n : vocabulary.applyToNormalized(n));
    }

    /** Score per template index order of {@link #templates()}. */
    double[] scores(String text) {
        List<String> q = terms(text);
        int n = docs.size();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (String w : q) {
                Integer f = docs.get(i).get(w);
                if (f == null) {
                    continue;
                }
                double idf = Math.log(1 + (n - df.get(w) + 0.5) / (df.get(w) + 0.5));
                s += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * lengths.get(i) / avgLength));
            }
            out[i] = s;
        }
        return out;
    }

    List<Template> templates() {
        return templates;
    }

    /** The best-scoring template (null template when nothing matches). */
    Match best(String text) {
        double[] s = scores(text);
        Match best = new Match(null, 0);
        for (int i = 0; i < s.length; i++) {
            if (s[i] > best.score()) {
                best = new Match(templates.get(i), s[i]);
            }
        }
        return best;
    }

    /**
     * Writes the index for {@code library}'s templates (in its order) under {@code hash}, the
     * training inputs it was built from. Start-up (issue 12): building it from the examples takes
     * ~0.2 s before the JIT warms up; reading it, a few ms.
     */
    void write(OutputStream out, byte[] hash) throws IOException {
        Map<String, Integer> names = new LinkedHashMap<>();
        df.keySet().forEach(k -> names.putIfAbsent(k, names.size()));
        StringBuilder block = new StringBuilder();
        for (String name : names.keySet()) {
            block.append(name).append('\n'); // terms are normalised words: no line breaks
        }
        byte[] utf8 = block.toString().getBytes(StandardCharsets.UTF_8);
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.write(hash);
        d.writeInt(names.size());
        d.writeInt(utf8.length);
        d.write(utf8);
        for (String name : names.keySet()) {
            d.writeInt(df.get(name));
        }
        d.writeInt(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            d.writeUTF(templates.get(i).id());
            d.writeInt(lengths.get(i));
            d.writeInt(docs.get(i).size());
            for (String term : docs.get(i).keySet()) {
                d.writeInt(names.get(term));
            }
            for (int count : docs.get(i).values()) {
                d.writeInt(count);
            }
        }
        d.flush();
    }

    /** The hash in an index file's header; empty when it is not one. */
    static Optional<byte[]> hashOf(InputStream in) {
        try {
            DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in));
            return d.readInt() == MAGIC ? Optional.of(d.readNBytes(32)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The index built with the app, when it was built from what {@code hash} describes. */
    static Optional<Bm25Index> shipped(byte[] hash, TemplateLibrary library, AsrVocabulary vocabulary) {
        try (InputStream in = Bm25Index.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : read(in, hash, library, vocabulary);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** An index written by {@link #write} for these inputs; empty when stale, unreadable or not for {@code library}. */
    static Optional<Bm25Index> read(InputStream in, byte[] hash, TemplateLibrary library, AsrVocabulary vocabulary) {
        try {
            DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
            if (d.readInt() != MAGIC || !Arrays.equals(d.readNBytes(32), hash)) {
                return Optional.empty();
            }
            int count = d.readInt();
            int bytes = d.readInt();
            if (count < 0 || bytes < count || bytes > 50_000_000) {
                return Optional.empty();
            }
            String[] names = new String(readExactly(d, bytes), StandardCharsets.UTF_8).split("\n", -1);
            if (names.length != count + 1) {
                return Optional.empty();
            }
            int[] dfs = ints(d, count);
            Map<String, Integer> df = new HashMap<>();
            for (int i = 0; i < count; i++) {
                df.put(names[i], dfs[i]);
            }
            List<Template> all = List.copyOf(library.all());
            if (d.readInt() != all.size()) {
                return Optional.empty();
            }
            List<Map<String, Integer>> docs = new ArrayList<>(all.size());
            List<Integer> lengths = new ArrayList<>(all.size());
            for (Template t : all) {
                if (!d.readUTF().equals(t.id())) {
                    return Optional.empty();
                }
                lengths.add(d.readInt());
                int n = d.readInt();
                if (n < 0 || n > count) {
                    return Optional.empty();
                }
                int[] terms = ints(d, n);
                int[] counts = ints(d, n);
                Map<String, Integer> tf = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    tf.put(names[terms[i]], counts[i]);
                }
                docs.add(tf);
            }
            if (d.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new Bm25Index(all, docs, lengths, df, vocabulary));
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static int[] ints(DataInputStream d, int n) throws IOException {
        int[] out = new int[n];
        ByteBuffer.wrap(readExactly(d, n * Integer.BYTES)).asIntBuffer().get(out);
        return out;
    }

    private static byte[] readExactly(DataInputStream d, int bytes) throws IOException {
        byte[] b = new byte[bytes];
        d.readFully(b);
        return b;
    }

    /** Every document's template, length and term counts, and the document frequencies: for tests. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(new java.util.TreeMap<>(df).toString());
        for (int i = 0; i < docs.size(); i++) {
            lines.add(templates.get(i).id() + " " + lengths.get(i) + " " + new java.util.TreeMap<>(docs.get(i)));
        }
        return lines;
    }
}
