package dev.cuecard.coverage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link SemanticCoverage#coverAll} measured by meaning for one set of jobs (a session's
 * answers): per key point its best cosine and margin, exactly (the bits of the doubles). One small
 * file per set, named by a hash of everything the numbers depend on — the model and runtime, the
 * parameters, each answer's words and its key points — so a changed answer, card, model or
 * parameter is simply another file. No text is kept. The newest {@value #KEEP} files stay; a file
 * that cannot be read or written is measured again, never an error.
 */
final class CoverageKeep {
    private static final Logger LOG = LoggerFactory.getLogger(CoverageKeep.class);
    private static final int MAGIC = 0x43564b31; // "CVK1"
    static final int KEEP = 64;

    /**
     * Rewritten by {@link #forgetAll} (a session deleted): a measurement that began before it is not
     * kept, so a debrief being judged while its session is deleted — in this process or another —
     * leaves nothing behind.
     */
    static final String FORGOTTEN = "forgotten";

    private final Path file;
    private final List<Integer> pointCounts;
    private final String forgottenAtStart;

    private CoverageKeep(Path file, List<Integer> pointCounts) {
        this.file = file;
        this.pointCounts = pointCounts;
        this.forgottenAtStart = forgotten(file.getParent());
    }

    /** The folder's last {@link #forgetAll} mark ("" when there was none, or it cannot be read). */
    private static String forgotten(Path folder) {
        try {
            return Files.readString(folder.resolve(FORGOTTEN), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Empty when nothing may be kept (no folder, or an embedder without a {@code modelId}). */
    static Optional<CoverageKeep> of(Path folder, String modelId, SemanticCoverage.Params params,
                                     List<SemanticCoverage.Job> jobs, List<List<String>> words) {
        if (folder == null || modelId == null || modelId.isEmpty() || jobs.isEmpty()) {
            return Optional.empty();
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            update(d, "coverage-keep-1");
            update(d, modelId);
            update(d, params.toString());
            for (int i = 0; i < jobs.size(); i++) {
                update(d, "job " + jobs.get(i).points().size());
                for (String p : jobs.get(i).points()) {
                    update(d, p);
                }
                update(d, String.join(" ", words.get(i)));
            }
            String name = HexFormat.of().formatHex(d.digest()) + ".bin";
            return Optional.of(new CoverageKeep(folder.resolve(name),
                    jobs.stream().map(j -> j.points().size()).toList()));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    private static void update(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update(java.nio.ByteBuffer.allocate(4).putInt(b.length).array());
        d.update(b);
    }

    /** Per job, per key point, {cosine, margin}; empty when not kept or not readable. */
    Optional<List<double[][]>> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != pointCounts.size()) {
                return Optional.empty();
            }
            List<double[][]> out = new ArrayList<>();
            for (int count : pointCounts) {
                if (in.readInt() != count) {
                    return Optional.empty();
                }
                double[][] job = new double[count][2];
                for (double[] p : job) {
                    p[0] = in.readDouble();
                    p[1] = in.readDouble();
                }
                out.add(job);
            }
            if (in.read() != -1) {
                return Optional.empty();
            }
            touch();
            return Optional.of(out);
        } catch (IOException | RuntimeException e) {
            LOG.debug("kept key point coverage {} not readable ({}): measured again", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps the evidence of {@code results} (written whole, then moved into place). */
    void write(List<List<PointCoverage>> results) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                out.writeInt(results.size());
                for (List<PointCoverage> job : results) {
                    out.writeInt(job.size());
                    for (PointCoverage p : job) {
                        out.writeDouble(p.cosine());
                        out.writeDouble(p.margin());
                    }
                }
            }
            if (!forgotten(file.getParent()).equals(forgottenAtStart)) {
                LOG.debug("key point coverage not kept in {}: a session was deleted meanwhile", file.getParent());
                return;
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "keep-", ".tmp");
            try {
                Files.write(tmp, bytes.toByteArray());
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            if (!forgotten(file.getParent()).equals(forgottenAtStart)) {
                Files.deleteIfExists(file); // deleted while it was written
                return;
            }
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.debug("key point coverage not kept in {}: {}", file.getParent(), e.getMessage());
        }
    }

    private void touch() {
        try {
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // kept anyway; only its place in the newest KEEP is older
        }
    }

    /** Removes every kept file in {@code folder} (a deleted session leaves no numbers behind); what cannot be removed is logged. */
    static void forgetAll(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            // first: a measurement still running (a window, another process) must not keep its numbers
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(FORGOTTEN), java.util.UUID.randomUUID().toString(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            LOG.warn("kept key point coverage in {}: deletion not marked: {}", folder, e.getMessage());
        }
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".bin")).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("kept key point coverage in {} not all removed: {}", folder, e.getMessage());
        }
    }

    /** Only the {@value #KEEP} most recently used files stay. */
    private void prune() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(file.getParent())) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".bin")).toList();
        }
        if (files.size() <= KEEP) {
            return;
        }
        List<Path> oldestFirst = new ArrayList<>(files);
        oldestFirst.sort(Comparator.comparing(CoverageKeep::modified));
        for (Path p : oldestFirst.subList(0, files.size() - KEEP)) {
            if (!p.equals(file)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
