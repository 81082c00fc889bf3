package dev.cuecard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the recogniser's transcript of a whole panel recording back into its utterances, for
 * training text in another voice or condition without one JVM (and one model load) per line.
 *
 * <pre>
 *   PanelTranscripts VOICE TRUTH.tsv SEGMENTS.jsonl &gt; utterances-asr-VOICE.tsv
 * </pre>
 *
 * SEGMENTS.jsonl: {@code transcribe --json} of the panel's WAV (startMs, endMs, text per final).
 * A final belongs to the utterance whose window [speechStart(i), speechStart(i+1)) holds its
 * midpoint (PanelScore's rule); an utterance's finals are joined in order. Prints
 * {@code id voice asr}, one row per utterance of the truth file, in the truth's order (an
 * utterance heard as nothing gets an empty asr column).
 */
public final class PanelTranscripts {
    private PanelTranscripts() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: PanelTranscripts VOICE TRUTH.tsv SEGMENTS.jsonl");
            System.exit(2);
        }
        List<PanelScore.Truth> truth = PanelScore.readTruth(Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8));
        List<StringBuilder> heard = new ArrayList<>();
        truth.forEach(t -> heard.add(new StringBuilder()));
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            long mid = (n.get("startMs").asLong() + n.get("endMs").asLong()) / 2;
            int i = PanelScore.windowOf(truth, mid);
            String text = n.get("text").asText().strip().toLowerCase(Locale.ROOT);
            if (i >= 0 && !text.isEmpty()) {
                heard.get(i).append(heard.get(i).length() == 0 ? "" : " ").append(text);
            }
        }
        StringBuilder out = new StringBuilder("id\tvoice\tasr\n");
        for (int i = 0; i < truth.size(); i++) {
            out.append(truth.get(i).id()).append('\t').append(args[0]).append('\t').append(heard.get(i)).append('\n');
        }
        System.out.print(out);
    }
}
