package dev.cuecard.ui.practice;

import dev.cuecard.pipeline.NamedThreadFactory;
import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the question aloud with a system TTS when one is installed (espeak-ng, espeak); silent otherwise. */
final class QuestionSpeaker {
    private static final Logger LOG = LoggerFactory.getLogger(QuestionSpeaker.class);
    private final Optional<String> command = find();
    private volatile Process current;

    private static Optional<String> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String tts : List.of("espeak-ng", "espeak")) {
            for (String dir : path.split(File.pathSeparator)) {
                if (new File(dir, tts).canExecute()) {
                    return Optional.of(tts);
                }
            }
        }
        return Optional.empty();
    }

    boolean available() {
        return command.isPresent();
    }

    void speak(String text) {
        command.ifPresent(cmd -> NamedThreadFactory.thread("tts", () -> {
            try {
                stop();
                current = new ProcessBuilder(cmd, "-s", "160", text).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                current.waitFor(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.info("text to speech unavailable: {}", e.getMessage());
            }
        }).start());
    }

    void stop() {
        Process p = current;
        if (p != null) {
            p.destroy();
        }
    }
}
