package dev.cuecard.question;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build-time vectors resource {@code phrasings.vec} (written by {@link EmbedPhrasings}).
 * Big-endian: magic "CQV3", model id (UTF), SHA-256 of the source texts ({@link PhrasingSet}), the
 * stamp of the files they came from ({@link PhrasingSet.filesStamp()}; zeros for a set made in code), the
 * probe's {@link EmbeddingProbe#VERSION}, dimensions, row count, the category ids and template ids
 * used (UTF each), then per row: category index (byte), template index (short, -1 for none), text
 * hash (int), scale (float) and one signed byte per dimension (value = byte × scale); last, the
 * {@link EmbeddingProbe} trained on the rows as read back. int8 with a per-row scale: a quarter of
 * float32's size for a cosine error of ~1e-4, far below the gaps that decide a neighbour.
 */
final class PhrasingVectors {
    static final String RESOURCE = "/dev/cuecard/question/phrasings.vec";
    private static final int MAGIC = 0x43515633;

    private PhrasingVectors() {
    }

    /**
     * The shipped vectors. Trusted at once when they carry the stamp of this build's input files;
     * otherwise only if made from exactly the texts {@code expected} gives (built only then).
     */
    static EmbeddingIndex readShipped(java.util.function.Supplier<PhrasingSet> expected) throws EmbeddingUnavailable {
        try (InputStream in = PhrasingVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new EmbeddingUnavailable("phrasing vectors " + RESOURCE + " are missing from the build");
            }
            return read(in, PhrasingSet.filesStamp(), expected);
        } catch (IOException e) {
            throw new EmbeddingUnavailable("phrasing vectors are unreadable: " + e.getMessage(), e);
        }
    }

    /** Vectors that carry {@code stamp}, or else were made from the texts {@code expected} gives. */
    static EmbeddingIndex read(InputStream in, byte[] stamp, java.util.function.Supplier<PhrasingSet> expected)
            throws EmbeddingUnavailable {
        return read(in, (hash, stored) -> !Arrays.equals(stored, PhrasingSet.NO_STAMP) && Arrays.equals(stored, stamp)
                || Arrays.equals(hash, expected.get().sourceHash()));
    }

    /** The input stamp in a vectors file's header; empty when it is not a vectors file of this format. */
    static Optional<byte[]> inputStampOf(java.nio.file.Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            DataInputStream d = new DataInputStream(new BufferedInputStream(in));
            if (d.readInt() != MAGIC || !d.readUTF().equals(OnnxSentenceEmbedder.MODEL_ID)) {
                return Optional.empty();
            }
            d.readNBytes(32); // the source hash
            return Optional.of(d.readNBytes(32));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The source hash in a file's header, without reading the rows; empty when not a vectors file. */
    static Optional<byte[]> sourceHashOf(InputStream in) {
        try {
            DataInputStream d = new DataInputStream(new BufferedInputStream(in));
            if (d.readInt() != MAGIC || !d.readUTF().equals(OnnxSentenceEmbedder.MODEL_ID)) {
                return Optional.empty();
            }
            byte[] hash = d.readNBytes(32);
            d.readNBytes(32); // the input stamp
            // a probe trained by other code is as stale as vectors of other texts
            return d.readInt() == EmbeddingProbe.VERSION ? Optional.of(hash) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads vectors, refusing a file made from other texts or another model than {@code expectedHash} says. */
    static EmbeddingIndex read(InputStream in, byte[] expectedHash) throws EmbeddingUnavailable {
        return read(in, (hash, stamp) -> Arrays.equals(hash, expectedHash));
    }

    /** Whether stored vectors fit: given their source hash and input stamp. */
    private interface Fits {
        boolean test(byte[] sourceHash, byte[] inputStamp);
    }

    private static EmbeddingIndex read(InputStream in, Fits fits) throws EmbeddingUnavailable {
        try {
            DataInputStream d = new DataInputStream(new BufferedInputStream(in));
            if (d.readInt() != MAGIC) {
                throw new EmbeddingUnavailable("phrasing vectors are corrupt (not a vectors file)");
            }
            String model = d.readUTF();
            if (!model.equals(OnnxSentenceEmbedder.MODEL_ID)) {
                throw new EmbeddingUnavailable("phrasing vectors were made with " + model + ", not "
                        + OnnxSentenceEmbedder.MODEL_ID + ": rebuild");
            }
            byte[] hash = d.readNBytes(32);
            byte[] stamp = d.readNBytes(32);
            if (!fits.test(hash, stamp)) {
                throw new EmbeddingUnavailable(
                        "phrasing vectors are stale (templates or examples changed since the build): rebuild");
            }
            if (d.readInt() != EmbeddingProbe.VERSION) {
                throw new EmbeddingUnavailable("phrasing vectors hold a probe of another version: rebuild");
            }
            int dims = d.readInt();
            int count = d.readInt();
            if (dims <= 0 || dims > 4096 || count < 0 || count > 1_000_000) {
                throw new EmbeddingUnavailable("phrasing vectors are corrupt (" + count + " rows of " + dims + ")");
            }
            List<Category> categories = new ArrayList<>();
            for (int i = d.readInt(); i > 0; i--) {
                String id = d.readUTF();
                categories.add(Category.fromId(id).orElseThrow(
                        () -> new EmbeddingUnavailable("phrasing vectors name an unknown category '" + id + "'")));
            }
            List<String> templates = new ArrayList<>();
            for (int i = d.readInt(); i > 0; i--) {
                templates.add(d.readUTF());
            }
            List<EmbeddingIndex.Row> rows = new ArrayList<>(count);
            float[] vectors = new float[count * dims];
            byte[] q = new byte[dims];
            for (int r = 0; r < count; r++) {
                int c = d.readByte();
                int t = d.readShort();
                int textHash = d.readInt();
                float scale = d.readFloat();
                d.readFully(q);
                if (c < 0 || c >= categories.size() || t < -1 || t >= templates.size()) {
                    throw new EmbeddingUnavailable("phrasing vectors are corrupt (row " + r + ")");
                }
                rows.add(new EmbeddingIndex.Row(categories.get(c), t < 0 ? null : templates.get(t), textHash));
                restore(q, scale, vectors, r * dims);
            }
            EmbeddingProbe probe = EmbeddingProbe.read(d, dims);
            if (d.read() != -1) {
                throw new EmbeddingUnavailable("phrasing vectors are corrupt (data after the probe)");
            }
            return new EmbeddingIndex(rows, vectors, dims, probe);
        } catch (EOFException e) {
            throw new EmbeddingUnavailable("phrasing vectors are corrupt (cut short)", e);
        } catch (IOException e) {
            throw new EmbeddingUnavailable("phrasing vectors are unreadable: " + e.getMessage(), e);
        }
    }

    /** One stored row as the app reads it, at {@code into[offset..]}: renormalised, so a dot product stays a cosine. */
    private static void restore(byte[] q, float scale, float[] into, int offset) {
        double norm = 0;
        for (byte b : q) {
            norm += (double) (b * scale) * (b * scale);
        }
        float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int i = 0; i < q.length; i++) {
            into[offset + i] = q[i] * scale * inv;
        }
    }

    /**
     * Writes {@code vectors[i]} (L2-normalised) for {@code set}'s row i, and the probe trained on the
     * rows exactly as {@link #read} will restore them (a few seconds).
     */
    static void write(OutputStream out, PhrasingSet set, float[][] vectors) throws IOException {
        List<PhrasingSet.Phrasing> rows = set.phrasings();
        if (vectors.length != rows.size()) {
            throw new IllegalArgumentException(rows.size() + " phrasings but " + vectors.length + " vectors");
        }
        Map<Category, Integer> categories = new LinkedHashMap<>();
        Map<String, Integer> templates = new LinkedHashMap<>();
        for (PhrasingSet.Phrasing p : rows) {
            categories.putIfAbsent(p.category(), categories.size());
            if (p.templateId() != null) {
                templates.putIfAbsent(p.templateId(), templates.size());
            }
        }
        if (categories.size() > Byte.MAX_VALUE || templates.size() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("too many categories or templates for the format");
        }
        int dims = vectors.length == 0 ? SentenceEmbedder.DIMENSIONS : vectors[0].length;
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeUTF(OnnxSentenceEmbedder.MODEL_ID);
        d.write(set.sourceHash());
        d.write(set.inputStamp());
        d.writeInt(EmbeddingProbe.VERSION);
        d.writeInt(dims);
        d.writeInt(rows.size());
        d.writeInt(categories.size());
        for (Category c : categories.keySet()) {
            d.writeUTF(c.id());
        }
        d.writeInt(templates.size());
        for (String t : templates.keySet()) {
            d.writeUTF(t);
        }
        List<EmbeddingIndex.Row> indexRows = new ArrayList<>(rows.size());
        float[] restored = new float[rows.size() * dims];
        byte[] q = new byte[dims];
        for (int r = 0; r < rows.size(); r++) {
            PhrasingSet.Phrasing p = rows.get(r);
            float[] v = vectors[r];
            float max = 0;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
            float scale = max > 0 ? max / 127f : 1f;
            for (int i = 0; i < dims; i++) {
                q[i] = (byte) Math.round(v[i] / scale);
            }
            d.writeByte(categories.get(p.category()));
            d.writeShort(p.templateId() == null ? -1 : templates.get(p.templateId()));
            d.writeInt(p.text().hashCode());
            d.writeFloat(scale);
            d.write(q);
            indexRows.add(new EmbeddingIndex.Row(p.category(), p.templateId(), p.text().hashCode()));
            restore(q, scale, restored, r * dims);
        }
        EmbeddingProbe.train(new EmbeddingIndex(indexRows, restored, dims)).write(d);
        d.flush();
    }
}
