package dev.cuecard.asr;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words a Vosk model can output. A runtime grammar may only use these (Vosk silently drops the
 * others), so the keyword spotter checks its phrases against them. Read from {@code graph/words.txt}
 * when the model has one, else from the word symbol table stored in the small models' {@code graph/Gr.fst}
 * (OpenFst binary: header, then the input symbol table).
 */
public final class ModelVocabulary {
    private static final int FST_MAGIC = 2125659606;
    private static final int SYMBOLS_MAGIC = 2125658996;
    private static final int HAS_INPUT_SYMBOLS = 1;
    /** The symbol table sits right after the header; 64 MB covers any real vocabulary. */
    private static final long MAX_MAPPED = 64L << 20;

    private final Set<String> words;

    private ModelVocabulary(Set<String> words) {
        this.words = java.util.Collections.unmodifiableSet(words); // callers hand over a set of their own
    }

    /** No word list: no grammar spotting. */
    static ModelVocabulary empty() {
        return new ModelVocabulary(Set.of());
    }

    /** The model's words, or empty when it has no readable word list (then it cannot take a grammar either). */
    public static ModelVocabulary of(Path modelDir) {
        try {
            Path txt = modelDir.resolve("graph").resolve("words.txt");
            if (Files.isRegularFile(txt)) {
                return fromWordsTxt(Files.readAllLines(txt, StandardCharsets.UTF_8));
            }
            Path fst = modelDir.resolve("graph").resolve("Gr.fst");
            if (Files.isRegularFile(fst)) {
                return new ModelVocabulary(fstSymbols(fst));
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable list means no grammar spotting; recognition itself is unaffected
            return empty();
        }
        return empty();
    }

    static ModelVocabulary fromWordsTxt(List<String> lines) {
        Set<String> w = new HashSet<>();
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (space > 0) {
                w.add(line.substring(0, space));
            }
        }
        return new ModelVocabulary(w);
    }

    private static Set<String> fstSymbols(Path fst) throws IOException {
        try (FileChannel ch = FileChannel.open(fst)) {
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(ch.size(), MAX_MAPPED))
                    .order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt() != FST_MAGIC) {
                throw new IOException("not an OpenFst file");
            }
            string(b); // fst type
            string(b); // arc type
            b.getInt(); // version
            int flags = b.getInt();
            b.getLong(); // properties
            b.getLong(); // start state
            b.getLong(); // states
            b.getLong(); // arcs
            if ((flags & HAS_INPUT_SYMBOLS) == 0 || b.getInt() != SYMBOLS_MAGIC) {
                throw new IOException("no word symbols in " + fst);
            }
            string(b); // table name
            b.getLong(); // available key
            long size = b.getLong();
            Set<String> words = new HashSet<>((int) Math.min(size * 2, 1 << 20));
            for (long i = 0; i < size; i++) {
                words.add(string(b));
                b.getLong(); // key
            }
            return words;
        } catch (BufferUnderflowException e) {
            throw new IOException("truncated symbol table in " + fst, e);
        }
    }

    private static String string(ByteBuffer b) throws IOException {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IOException("bad string length " + n);
        }
        byte[] a = new byte[n];
        b.get(a);
        return new String(a, StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public int size() {
        return words.size();
    }

    public boolean contains(String word) {
        return words.contains(word);
    }

    /** Every word of the phrase (single spaces) is known to the model. */
    public boolean canSay(String phrase) {
        if (words.isEmpty() || phrase.isBlank()) {
            return false;
        }
        for (String w : phrase.split(" ")) {
            if (!words.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
