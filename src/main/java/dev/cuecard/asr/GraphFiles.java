package dev.cuecard.asr;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Checks a model's decoding graph files in Java before Vosk reads them: OpenFst prints its own
 * "ERROR: … Read failed" lines straight to the process's stderr when a graph is damaged, above the
 * one line the CLI promises. Reads each graph's header and checks the file is as long as its
 * counts need: the constant-layout graphs ({@code const}, also inside a label-lookahead
 * {@code HCLr.fst}) and the n-gram {@code Gr.fst} of the small models (after skipping its symbol
 * tables, as OpenFst reads them) exactly. The file is mapped, so only the headers (and a small model's
 * word tables) are read, and the lookahead data's counts. What this cannot see Vosk still reports (the
 * check after loading stays): a layout this does not know (header checked only).
 */
final class GraphFiles {
    /** OpenFst's file magic number. */
    static final int FST_MAGIC = 2125659606;
    /** The magic number of a matcher FST's add-on (the lookahead data of {@code HCLr.fst}). */
    static final int ADD_ON_MAGIC = 446681434;
    /** OpenFst's symbol table magic number. */
    static final int SYMBOLS_MAGIC = 2125658996;
    private static final int HAS_ISYMBOLS = 1;
    private static final int HAS_OSYMBOLS = 2;
    private static final int IS_ALIGNED = 4;
    private static final int ALIGNMENT = 16;
    /** A const FST's state of standard arcs: final weight, first arc, arcs, input and output epsilons. */
    private static final int CONST_STATE_BYTES = 20;
    /** A standard arc: input label, output label, weight, next state. */
    private static final int STD_ARC_BYTES = 16;
    /** An n-gram graph's labels and weights: 32-bit each. */
    private static final int NGRAM_ITEM_BYTES = 4;

    /** Files found sound in this run, by path, size and time changed: a model is checked when located and when loaded. */
    private static final java.util.Set<String> SOUND = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private GraphFiles() {
    }

    /** The graph Vosk will load: {@code graph/HCLG.fst} when there is one, else {@code HCLr.fst} and {@code Gr.fst}. */
    static void check(Path modelDir) throws ModelException {
        Path graph = modelDir.resolve("graph");
        List<String> names = Files.isRegularFile(graph.resolve("HCLG.fst")) ? List.of("HCLG.fst")
                : List.of("HCLr.fst", "Gr.fst");
        for (String name : names) {
            Path f = graph.resolve(name);
            if (Files.isRegularFile(f)) {
                checkFile(modelDir, f);
            }
        }
    }

    private static void checkFile(Path modelDir, Path f) throws ModelException {
        String key;
        try {
            key = f.toAbsolutePath() + "|" + Files.size(f) + "|" + Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            key = null; // said below, when it is read
        }
        if (key != null && (SOUND.contains(key) || checkedBefore(key))) {
            return;
        }
        checkContents(modelDir, f);
        if (key != null) {
            SOUND.add(key);
            rememberChecked(key);
        }
    }

    /**
     * A file found sound by an earlier run, unchanged since (same path, size and time): reading its
     * tables again cost ~60 ms of every start on the way to listening (BENCHMARKS.md). A cut or
     * replaced file has another size or time, so it is checked again.
     */
    private static boolean checkedBefore(String key) {
        try {
            Path marker = marker(key);
            return Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(key);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void rememberChecked(String key) {
        try {
            Path marker = marker(key);
            Files.createDirectories(marker.getParent());
            Path tmp = Files.createTempFile(marker.getParent(), "checking", ".tmp");
            Files.writeString(tmp, key, StandardCharsets.UTF_8);
            Files.move(tmp, marker, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written: checked again next time
        }
    }

    /** The marker of a sound file in the data folder's cache, named by its key's CRC (its content is the key itself). */
    private static Path marker(String key) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return dev.cuecard.config.AppPaths.fromEnvironment().cacheDir().resolve("checked-graphs")
                .resolve(Long.toHexString(crc.getValue()) + ".ok");
    }

    private static void checkContents(Path modelDir, Path f) throws ModelException {
        String which = "graph/" + f.getFileName();
        String damaged = "the model's decoding graph " + which + " at " + modelDir + " is damaged (";
        String fix = "); unpack a Vosk model there again, or run 'mvn package' for the bundled one";
        long size;
        ByteBuffer b;
        try (FileChannel in = FileChannel.open(f, StandardOpenOption.READ)) {
            size = in.size();
            // mapped, not read: only the pages the check looks at are touched (Vosk reads them next anyway)
            b = in.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE))
                    .order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new ModelException("the model's decoding graph " + which + " at " + modelDir + " cannot be read ("
                    + e.getMessage() + fix);
        }
        long needed;
        try {
            needed = minimumSize(b);
        } catch (BufferUnderflowException e) {
            throw new ModelException(damaged + String.format(Locale.ROOT, "cut short: %,d bytes, not even its "
                    + "header and tables", size) + fix);
        } catch (IllegalArgumentException e) {
            throw new ModelException(damaged + e.getMessage() + fix);
        }
        if (size < needed) {
            throw new ModelException(damaged + String.format(Locale.ROOT, "cut short: %,d bytes of at least %,d", size,
                    needed) + fix);
        }
    }

    /**
     * The least length the graph whose start is in {@code b} can have.
     *
     * @throws BufferUnderflowException when {@code b} ends inside a header
     * @throws IllegalArgumentException when it is not an OpenFst graph
     */
    static long minimumSize(ByteBuffer b) {
        Header h = Header.read(b);
        if (h.type().endsWith("_lookahead")) {
            // a matcher FST: an empty header of its own, the add-on's magic, then the const FST it wraps
            if (b.getInt() != ADD_ON_MAGIC) {
                throw new IllegalArgumentException("not an OpenFst graph: a lookahead graph without its data");
            }
            Header inner = Header.read(b);
            long fstEnd = constSize(inner, b.position());
            return fstEnd == b.position() ? fstEnd : lookaheadSize(b, fstEnd);
        }
        if (h.type().equals("ngram")) {
            return ngramSize(h, b);
        }
        return h.type().equals("const") ? constSize(h, b.position()) : b.position();
    }

    /**
     * Header, symbol tables, three counts, then three bitmaps (context, future and final index, in
     * 64-bit words), labels, padding to a weight's alignment, and weights
     * (fst/extensions/ngram/ngram-fst.h, NGramFstImpl::Storage): exactly the file's length.
     */
    private static long ngramSize(Header h, ByteBuffer b) {
        if ((h.flags() & HAS_ISYMBOLS) != 0) {
            skipSymbols(b);
        }
        if ((h.flags() & HAS_OSYMBOLS) != 0) {
            skipSymbols(b);
        }
        long data = b.position(); // the n-gram data's start: its padding is counted from here, not the file's
        long states = b.getLong();
        long futures = b.getLong();
        long finals = b.getLong();
        if (states < 0 || futures < 0 || finals < 0 || states > (1L << 40) || futures > (1L << 40)
                || finals > (1L << 40)) {
            throw new IllegalArgumentException("its n-gram counts are damaged");
        }
        long bitmaps = Long.BYTES * (bitmapWords(states * 2 + 1) + bitmapWords(futures + states + 1)
                + bitmapWords(states));
        // context labels, future labels; padding; backoff weights, final weights, future weights
        long labels = 3L * Long.BYTES + bitmaps + NGRAM_ITEM_BYTES * ((states + 1) + futures);
        long aligned = (labels + NGRAM_ITEM_BYTES - 1) / NGRAM_ITEM_BYTES * NGRAM_ITEM_BYTES;
        return data + aligned + NGRAM_ITEM_BYTES * ((states + 1) + finals + (futures + 1));
    }

    /**
     * The end of a label-lookahead graph's reachability data after its const FST ends at {@code fstEnd},
     * as the bundled model writes it: a flag that the data is there, four bytes of flags, the final
     * label, then per state a set of label intervals (a count, that many pairs of labels, a size). Walked
     * by its counts, which are all that is read: a file that ends inside it is cut short (each set still
     * missing takes at least 12 bytes). A layout this does not recognise gives {@code fstEnd} (only the
     * FST it wraps is checked).
     */
    private static long lookaheadSize(ByteBuffer b, long fstEnd) {
        long limit = b.limit();
        long at = fstEnd + 5 + Integer.BYTES; // flags and the final label
        if (at + Long.BYTES > limit) {
            return at + Long.BYTES;
        }
        if (b.get((int) fstEnd) != 1) {
            return fstEnd;
        }
        long sets = b.getLong((int) at);
        if (sets < 0 || sets > (1L << 32)) {
            return fstEnd;
        }
        at += Long.BYTES;
        for (long i = 0; i < sets; i++) {
            long least = at + (sets - i) * (Long.BYTES + Integer.BYTES);
            if (at + Long.BYTES > limit) {
                return least;
            }
            long intervals = b.getLong((int) at);
            if (intervals < 0 || intervals > (1L << 24)) {
                return fstEnd; // not this layout
            }
            at += Long.BYTES + intervals * 2L * Integer.BYTES + Integer.BYTES;
            if (at > limit) {
                return at + (sets - i - 1) * (Long.BYTES + Integer.BYTES);
            }
        }
        return at;
    }

    /** 64-bit words of a bitmap of {@code bits} bits (fst/extensions/ngram/bitmap-index.h, StorageSize). */
    private static long bitmapWords(long bits) {
        return (bits + Long.SIZE - 1) / Long.SIZE;
    }

    /** Past a symbol table (fst/symbol-table.cc, Read): name, next key, then each symbol and its key. */
    private static void skipSymbols(ByteBuffer b) {
        if (b.getInt() != SYMBOLS_MAGIC) {
            throw new IllegalArgumentException("its symbol table is damaged");
        }
        skip(b, b.getInt()); // name
        b.getLong(); // available key
        long symbols = b.getLong();
        if (symbols < 0 || symbols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("its symbol table is damaged");
        }
        for (long i = 0; i < symbols; i++) {
            int length = b.getInt();
            if (length < 0) {
                throw new IllegalArgumentException("its symbol table is damaged");
            }
            skip(b, (long) length + Long.BYTES); // the symbol, then its key
        }
    }

    private static void skip(ByteBuffer b, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("its header is damaged");
        }
        if (bytes > b.remaining()) {
            throw new BufferUnderflowException();
        }
        b.position(b.position() + (int) bytes);
    }

    /** Header, states, then arcs; symbol tables (of unknown length here) make it just the header. */
    private static long constSize(Header h, long headerEnd) {
        if (!h.type().equals("const") || !h.arcType().equals("standard")
                || (h.flags() & (HAS_ISYMBOLS | HAS_OSYMBOLS)) != 0) {
            return headerEnd;
        }
        boolean aligned = (h.flags() & IS_ALIGNED) != 0;
        long states = align(headerEnd, aligned) + h.states() * CONST_STATE_BYTES;
        return align(states, aligned) + h.arcs() * STD_ARC_BYTES;
    }

    private static long align(long pos, boolean aligned) {
        return aligned ? (pos + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT : pos;
    }

    /** OpenFst's file header (fst/fst.h, FstHeader::Read). */
    record Header(String type, String arcType, int version, int flags, long states, long arcs) {
        static Header read(ByteBuffer b) {
            if (b.getInt() != FST_MAGIC) {
                throw new IllegalArgumentException("not an OpenFst graph");
            }
            String type = string(b);
            String arcType = string(b);
            int version = b.getInt();
            int flags = b.getInt();
            b.getLong(); // properties
            b.getLong(); // start state
            long states = b.getLong();
            long arcs = b.getLong();
            if (states < 0 || arcs < 0 || states > (1L << 40) || arcs > (1L << 40)) {
                throw new IllegalArgumentException("its header is damaged");
            }
            return new Header(type, arcType, version, flags, states, arcs);
        }

        private static String string(ByteBuffer b) {
            int n = b.getInt();
            if (n < 0 || n > 64) {
                throw new IllegalArgumentException("its header is damaged");
            }
            byte[] s = new byte[n];
            b.get(s);
            return new String(s, StandardCharsets.US_ASCII);
        }
    }
}
