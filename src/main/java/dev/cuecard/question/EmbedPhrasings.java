package dev.cuecard.question;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Build step (Maven, after compile): embeds the shipped phrasings into {@code phrasings.vec} so
 * the app never embeds them at start-up. Skips the model when the file already matches the texts.
 * Arguments: the output file and a cache folder for DJL's native library.
 */
public final class EmbedPhrasings {
    private static final Logger LOG = LoggerFactory.getLogger(EmbedPhrasings.class);

    private EmbedPhrasings() {
    }

    public static void main(String[] args) throws IOException, EmbeddingUnavailable {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: EmbedPhrasings OUTPUT_FILE CACHE_DIR");
        }
        Path out = Path.of(args[0]);
        PhrasingSet set = PhrasingSet.shipped();
        if (Files.isRegularFile(out)) {
            try (InputStream in = Files.newInputStream(out)) {
                // the same texts from the same files: a changed stamp alone re-embeds, so the app can trust it
                if (PhrasingVectors.sourceHashOf(in).filter(h -> Arrays.equals(h, set.sourceHash())).isPresent()
                        && PhrasingVectors.inputStampOf(out).filter(st -> Arrays.equals(st, set.inputStamp())).isPresent()) {
                    LOG.info("{} is up to date ({} phrasings)", out, set.phrasings().size());
                    return;
                }
            }
        }
        long start = System.nanoTime();
        SentenceEmbedder embedder = OnnxSentenceEmbedder.load(Path.of(args[1]));
        List<PhrasingSet.Phrasing> rows = set.phrasings();
        float[][] vectors = new float[rows.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = embedder.embed(rows.get(i).text());
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "phrasings", ".tmp");
        try (OutputStream o = Files.newOutputStream(tmp)) {
            PhrasingVectors.write(o, set, vectors);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("embedded {} phrasings into {} in {} ms", rows.size(), out, (System.nanoTime() - start) / 1_000_000);
    }
}
