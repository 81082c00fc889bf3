package dev.cuecard.question;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the labelled development set ({@code utterances.tsv}) with its recogniser text
 * ({@code utterances-asr.tsv}, made by scripts/devset-asr.sh through TTS and Vosk).
 */
public record LabelledUtterance(String id, String split, String category, String template, String text, String asr) {

    public boolean heldOut() {
        return "heldout".equals(split);
    }

    public boolean hasTemplate() {
        return template != null && !template.isBlank() && !"-".equals(template);
    }

    public static List<LabelledUtterance> load(Path dir) throws IOException {
        Map<String, String> asr = new HashMap<>();
        Path asrFile = dir.resolve("utterances-asr.tsv");
        if (Files.exists(asrFile)) {
            for (String line : Files.readAllLines(asrFile)) {
                String[] f = line.split("\t", -1);
                if (f.length >= 3 && !f[0].equals("id")) {
                    asr.put(f[0], f[2].strip());
                }
            }
        }
        List<LabelledUtterance> list = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("utterances.tsv"))) {
            String[] f = line.split("\t", -1);
            if (f.length < 5 || f[0].equals("id") || line.startsWith("#")) {
                continue;
            }
            list.add(new LabelledUtterance(f[0], f[1], f[2], f[3], f[4].strip(), asr.get(f[0])));
        }
        return list;
    }
}
