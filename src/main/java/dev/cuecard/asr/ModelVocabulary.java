package dev.cuecard.asr;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /**
     * The words' UTF-8 bytes, sorted and packed end to end: the list is held for the whole run, and
     * the small model's ~125,000 words as a set of strings took ~11 MB of heap, packed ~1.5 MB (issue 14).
     */
    private final byte[] packed;
    /** Where each word starts in {@link #packed}; one more entry marks the end of the last. */
    private final int[] starts;

    private ModelVocabulary(List<byte[]> words) {
        words.sort(Arrays::compareUnsigned);
        int distinct = 0;
        int bytes = 0;
        for (int i = 0; i < words.size(); i++) {
            if (i == 0 || !Arrays.equals(words.get(i), words.get(i - 1))) {
                words.set(distinct++, words.get(i));
                bytes += words.get(i).length;
            }
        }
        packed = new byte[bytes];
        starts = new int[distinct + 1];
        int at = 0;
        for (int i = 0; i < distinct; i++) {
            byte[] w = words.get(i);
            starts[i] = at;
            System.arraycopy(w, 0, packed, at, w.length);
            at += w.length;
        }
        starts[distinct] = at;
    }

    /** No word list: no grammar spotting. */
    static ModelVocabulary empty() {
        return new ModelVocabulary(new ArrayList<>());
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
                return fstSymbols(fst);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable list means no grammar spotting; recognition itself is unaffected
            return empty();
        }
        return empty();
    }

    static ModelVocabulary fromWordsTxt(List<String> lines) {
        List<byte[]> w = new ArrayList<>();
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (space > 0) {
                w.add(line.substring(0, space).getBytes(StandardCharsets.UTF_8));
            }
        }
        return new ModelVocabulary(w);
    }

    private static ModelVocabulary fstSymbols(Path fst) throws IOException {
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
            List<byte[]> words = new ArrayList<>((int) Math.min(size, 1 << 20));
            for (long i = 0; i < size; i++) {
                words.add(bytes(b));
                b.getLong(); // key
            }
            return new ModelVocabulary(words);
        } catch (BufferUnderflowException e) {
            throw new IOException("truncated symbol table in " + fst, e);
        }
    }

    private static String string(ByteBuffer b) throws IOException {
        return new String(bytes(b), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer b) throws IOException {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IOException("bad string length " + n);
        }
        byte[] a = new byte[n];
        b.get(a);
        return a;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public int size() {
        return starts.length - 1;
    }

    public boolean contains(String word) {
        byte[] w = word.getBytes(StandardCharsets.UTF_8);
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(packed, starts[mid], starts[mid + 1], w, 0, w.length);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    /** Every word of the phrase (single spaces) is known to the model. */
    public boolean canSay(String phrase) {
        if (isEmpty() || phrase.isBlank()) {
            return false;
        }
        for (String w : phrase.split(" ")) {
            if (!contains(w)) {
                return false;
            }
        }
        return true;
    }
}
