package dev.cuecard.question;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks templates for an utterance: nearest trigger phrasing by TF-IDF cosine over stemmed words
 * and over character 4-grams, plus a bonus for the template's keywords. Built once from the
 * library; {@link #rank} is pure and thread-safe.
 */
public final class TopicClassifier {
    /** Weight of the word view against the character view. */
    static final double WORD_WEIGHT = 0.5;
    /** Bonus per distinct keyword found, up to {@link #MAX_KEYWORD_HITS}. */
    static final double KEYWORD_BONUS = 0.12;
    static final int MAX_KEYWORD_HITS = 2;

    /** One indexed phrasing of a template. */
    private record Doc(Template template, SparseVector words, SparseVector chars) {
    }

    private final List<Doc> docs;
    private final Map<String, Double> wordIdf;
    private final Map<String, Double> charIdf;
    private final double wordDefaultIdf;
    private final double charDefaultIdf;
    private final Map<Template, List<String>> keywordTerms;
    private final AsrVocabulary vocabulary;
    /** The index of the shipped templates and examples, built with the app ({@link PrecomputeShipped}). */
    static final String RESOURCE = "/dev/cuecard/question/topic-index.bin";
    /** "CQT1": the format of {@link #write}. */
    /** "CQT2": each map is its name indexes then its weights, each block read in one go. */
    private static final int MAGIC = 0x43515432;

    private TopicClassifier(List<Doc> docs, Map<String, Double> wordIdf, Map<String, Double> charIdf,
                            double wordDefaultIdf, double charDefaultIdf, Map<Template, List<String>> keywordTerms,
                            AsrVocabulary vocabulary) {
        this.docs = docs;
        this.wordIdf = wordIdf;
        this.charIdf = charIdf;
        this.wordDefaultIdf = wordDefaultIdf;
        this.charDefaultIdf = charDefaultIdf;
        this.keywordTerms = keywordTerms;
        this.vocabulary = vocabulary;
    }

    public TopicClassifier(TemplateLibrary library, AsrVocabulary vocabulary) {
        this(library, vocabulary, Map.of());
    }

    /**
     * @param extraPhrasings more labelled phrasings per template id (the shipped examples), indexed
     *                       like triggers
     */
    TopicClassifier(TemplateLibrary library, AsrVocabulary vocabulary, Map<String, List<String>> extraPhrasings) {
        this.vocabulary = vocabulary;
        this.docs = new ArrayList<>();
        this.keywordTerms = new HashMap<>();
        List<Template> owners = new ArrayList<>();
        List<List<String>> termDocs = new ArrayList<>();
        for (Template t : library.all()) {
            List<String> phrasings = new ArrayList<>(t.triggers());
            phrasings.addAll(extraPhrasings.getOrDefault(t.id(), List.of()));
            List<String> all = new ArrayList<>();
            for (String trigger : phrasings) {
                owners.add(t);
                List<String> terms = topicTermsOf(vocabulary, trigger);
                termDocs.add(terms);
                all.addAll(terms);
            }
            // the template as a whole: every phrasing together, so evidence spread over several
            // of them still adds up (what a BM25 baseline does well)
            owners.add(t);
            termDocs.add(all);
            List<String> titleAndKeywords = new ArrayList<>(TextNormalizer.terms(TextNormalizer.normalize(t.title())));
            List<String> kws = new ArrayList<>();
            for (String k : t.keywords()) {
                List<String> kt = TextNormalizer.terms(TextNormalizer.normalize(k));
                titleAndKeywords.addAll(kt);
                if (!kt.isEmpty()) {
                    kws.add(" " + String.join(" ", kt) + " ");
                }
            }
            keywordTerms.put(t, kws);
            owners.add(t);
            termDocs.add(titleAndKeywords);
        }
        Map<String, Integer> wordDf = new HashMap<>();
        Map<String, Integer> charDf = new HashMap<>();
        List<Map<String, Integer>> wordCounts = new ArrayList<>();
        List<Map<String, Integer>> charCounts = new ArrayList<>();
        for (List<String> terms : termDocs) {
            Map<String, Integer> w = Features.words(terms);
            Map<String, Integer> c = Features.chars(terms);
            wordCounts.add(w);
            charCounts.add(c);
            w.keySet().forEach(k -> wordDf.merge(k, 1, Integer::sum));
            c.keySet().forEach(k -> charDf.merge(k, 1, Integer::sum));
        }
        int n = termDocs.size();
        this.wordIdf = idf(wordDf, n);
        this.charIdf = idf(charDf, n);
        this.wordDefaultIdf = Math.log(n + 1.0) + 1;
        this.charDefaultIdf = Math.log(n + 1.0) + 1;
        for (int i = 0; i < n; i++) {
            docs.add(new Doc(owners.get(i), SparseVector.of(wordCounts.get(i), wordIdf, wordDefaultIdf).stored(),
                    SparseVector.of(charCounts.get(i), charIdf, charDefaultIdf).stored()));
        }
    }

    /**
     * Writes this index for {@code library} (whose templates it was built from, in its order).
     * Big-endian: magic "CQT1", the 32-byte hash of what it was built from
     * ({@link TrainingInputs}), a table of every feature name (count, then one UTF-8 block of
     * names each ended by '\n'), the two idf maps and their defaults, each template's keyword
     * phrases, then each phrasing's template index and its two vectors. Maps are written in their
     * iteration order and read back into maps built the same way, so a cosine adds the same
     * numbers in the same order: a read index ranks exactly as a built one.
     */
    void write(java.io.OutputStream out, TemplateLibrary library, byte[] hash) throws java.io.IOException {
        List<Template> templates = List.copyOf(library.all());
        Map<Template, Integer> position = new java.util.IdentityHashMap<>();
        for (int i = 0; i < templates.size(); i++) {
            position.put(templates.get(i), i);
        }
        Map<String, Integer> names = new java.util.LinkedHashMap<>();
        java.util.function.Consumer<Map<String, Double>> collect = m -> m.keySet()
                .forEach(k -> names.putIfAbsent(k, names.size()));
        collect.accept(wordIdf);
        collect.accept(charIdf);
        docs.forEach(d -> {
            collect.accept(d.words().weights());
            collect.accept(d.chars().weights());
        });
        java.io.DataOutputStream d = new java.io.DataOutputStream(out);
        d.writeInt(MAGIC);
        d.write(hash);
        StringBuilder block = new StringBuilder();
        for (String name : names.keySet()) {
            if (name.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("feature name with a line break: " + name);
            }
            block.append(name).append('\n');
        }
        byte[] utf8 = block.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        d.writeInt(names.size());
        d.writeInt(utf8.length);
        d.write(utf8);
        writeMap(d, wordIdf, names);
        writeMap(d, charIdf, names);
        d.writeDouble(wordDefaultIdf);
        d.writeDouble(charDefaultIdf);
        d.writeInt(templates.size());
        for (Template t : templates) {
            List<String> kws = keywordTerms.getOrDefault(t, List.of());
            d.writeInt(kws.size());
            for (String k : kws) {
                d.writeUTF(k);
            }
        }
        d.writeInt(docs.size());
        for (Doc doc : docs) {
            Integer at = position.get(doc.template());
            if (at == null) {
                throw new IllegalArgumentException("an indexed template is not in the library: " + doc.template().id());
            }
            d.writeInt(at);
            writeMap(d, doc.words().weights(), names);
            writeMap(d, doc.chars().weights(), names);
        }
        d.flush();
    }

    private static void writeMap(java.io.DataOutputStream d, Map<String, Double> m, Map<String, Integer> names)
            throws java.io.IOException {
        d.writeInt(m.size());
        for (String key : m.keySet()) {
            d.writeInt(names.get(key));
        }
        for (double v : m.values()) {
            d.writeDouble(v);
        }
    }

    /** The hash in an index file's header; empty when it is not one. */
    static java.util.Optional<byte[]> hashOf(java.io.InputStream in) {
        try {
            java.io.DataInputStream d = new java.io.DataInputStream(new java.io.BufferedInputStream(in));
            return d.readInt() == MAGIC ? java.util.Optional.of(d.readNBytes(32)) : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The index built with the app when it was built from what {@code hash} describes (then it fits {@code library}). */
    static java.util.Optional<TopicClassifier> shipped(byte[] hash, TemplateLibrary library, AsrVocabulary vocabulary) {
        try (java.io.InputStream in = TopicClassifier.class.getResourceAsStream(RESOURCE)) {
            return in == null ? java.util.Optional.empty() : read(in, hash, library, vocabulary);
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** An index written by {@link #write} for these inputs; empty when stale or unreadable. */
    static java.util.Optional<TopicClassifier> read(java.io.InputStream in, byte[] hash, TemplateLibrary library,
                                                    AsrVocabulary vocabulary) {
        try {
            java.io.DataInputStream d = new java.io.DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
            if (d.readInt() != MAGIC || !java.util.Arrays.equals(d.readNBytes(32), hash)) {
                return java.util.Optional.empty();
            }
            int count = d.readInt();
            int bytes = d.readInt();
            if (count < 0 || bytes < count || bytes > 100_000_000) {
                return java.util.Optional.empty();
            }
            String block = new String(d.readNBytes(bytes), java.nio.charset.StandardCharsets.UTF_8);
            String[] names = new String[count];
            int start = 0;
            for (int i = 0; i < count; i++) {
                int end = block.indexOf('\n', start);
                if (end < 0) {
                    return java.util.Optional.empty();
                }
                names[i] = block.substring(start, end);
                start = end + 1;
            }
            Map<String, Double> wordIdf = readMap(d, names);
            Map<String, Double> charIdf = readMap(d, names);
            double wordDefault = d.readDouble();
            double charDefault = d.readDouble();
            List<Template> templates = List.copyOf(library.all());
            if (d.readInt() != templates.size()) {
                return java.util.Optional.empty();
            }
            Map<Template, List<String>> keywordTerms = new HashMap<>();
            for (Template t : templates) {
                int n = d.readInt();
                List<String> kws = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    kws.add(d.readUTF());
                }
                keywordTerms.put(t, kws);
            }
            int n = d.readInt();
            List<Doc> docs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int at = d.readInt();
                if (at < 0 || at >= templates.size()) {
                    return java.util.Optional.empty();
                }
                docs.add(new Doc(templates.get(at), readVector(d, names), readVector(d, names)));
            }
            if (d.read() != -1) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new TopicClassifier(docs, wordIdf, charIdf, wordDefault, charDefault,
                    keywordTerms, vocabulary));
        } catch (java.io.IOException | ArrayIndexOutOfBoundsException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * A map put together in the order written: the same iteration order as the map written. The
     * numbers are read a block at a time (start-up, issue 12: one readInt/readDouble per entry of
     * the ~250,000 took ~0.3 s before the JIT warms up).
     */
    private static Map<String, Double> readMap(java.io.DataInputStream d, String[] names) throws java.io.IOException {
        Entries e = readEntries(d, names);
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < e.keys().length; i++) {
            m.put(e.keys()[i], e.values()[i]);
        }
        return m;
    }

    /** A stored vector as {@link #writeMap} wrote it, into two arrays that share the names table's strings. */
    private static SparseVector readVector(java.io.DataInputStream d, String[] names) throws java.io.IOException {
        Entries e = readEntries(d, names);
        return SparseVector.ofScaled(e.keys(), e.values());
    }

    /** One map's entries as {@link #writeMap} wrote them, in that order. */
    private record Entries(String[] keys, double[] values) {
    }

    private static Entries readEntries(java.io.DataInputStream d, String[] names) throws java.io.IOException {
        int n = d.readInt();
        if (n < 0 || n > names.length) {
            throw new java.io.IOException("corrupt map size " + n);
        }
        int[] at = new int[n];
        double[] values = new double[n];
        java.nio.ByteBuffer.wrap(readExactly(d, n * Integer.BYTES)).asIntBuffer().get(at);
        java.nio.ByteBuffer.wrap(readExactly(d, n * Double.BYTES)).asDoubleBuffer().get(values);
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = names[at[i]];
        }
        return new Entries(keys, values);
    }

    private static byte[] readExactly(java.io.DataInputStream d, int bytes) throws java.io.IOException {
        byte[] b = new byte[bytes];
        d.readFully(b);
        return b;
    }

    /** Every phrasing's template and both vectors' entries in iteration order, and the idf defaults: for tests. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(wordDefaultIdf + " " + charDefaultIdf + " " + new java.util.TreeMap<>(wordIdf) + " "
                + new java.util.TreeMap<>(charIdf));
        for (Doc d : docs) {
            lines.add(d.template().id() + " " + d.words().weights() + " " + d.chars().weights() + " "
                    + keywordTerms.get(d.template()));
        }
        return lines;
    }

    private static Map<String, Double> idf(Map<String, Integer> df, int n) {
        Map<String, Double> idf = new HashMap<>();
        df.forEach((k, v) -> idf.put(k, Math.log((n + 1.0) / (v + 1.0)) + 1));
        return idf;
    }

    /** Topic terms of a text as {@link #topicTerms} gives them, for a classifier with this vocabulary. */
    static List<String> topicTermsOf(AsrVocabulary vocabulary, String text) {
        return TextNormalizer.terms(vocabulary.applyToNormalized(TextNormalizer.normalize(text)));
    }

    /** Topic terms of recogniser or typed text, with misheard technical terms added back. */
    public List<String> topicTerms(String text) {
        return topicTermsOf(vocabulary, text);
    }

    /** All templates with a positive score, best first. */
    public List<TopicMatch> rank(String text) {
        return rank(text, null);
    }

    /** As {@link #rank(String)}, only templates of {@code category} (all when null): ~10x less work. */
    public List<TopicMatch> rank(String text, Category category) {
        List<String> terms = topicTerms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        SparseVector w = SparseVector.of(Features.words(terms), wordIdf, wordDefaultIdf);
        SparseVector c = SparseVector.of(Features.chars(terms), charIdf, charDefaultIdf);
        String joined = " " + String.join(" ", terms) + " ";
        Map<Template, Double> best = new HashMap<>();
        for (Doc d : docs) {
            if (category != null && d.template().category() != category) {
                continue;
            }
            double s = WORD_WEIGHT * w.cosine(d.words()) + (1 - WORD_WEIGHT) * c.cosine(d.chars());
            best.merge(d.template(), s, Math::max);
        }
        List<TopicMatch> out = new ArrayList<>();
        for (Map.Entry<Template, Double> e : best.entrySet()) {
            int hits = 0;
            for (String k : keywordTerms.getOrDefault(e.getKey(), List.of())) {
                if (joined.contains(k)) {
                    hits++;
                }
            }
            double score = e.getValue() + KEYWORD_BONUS * Math.min(hits, MAX_KEYWORD_HITS);
            if (score > 0) {
                out.add(new TopicMatch(e.getKey(), score));
            }
        }
        out.sort(Comparator.comparingDouble(TopicMatch::score).reversed()
                .thenComparing(m -> m.template().id()));
        return out;
    }
}
