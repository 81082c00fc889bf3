package dev.cuecard.hint.llm;

import dev.cuecard.config.UserContext;
import dev.cuecard.hint.DraftCancellation;
import dev.cuecard.hint.DraftListener;
import dev.cuecard.hint.DraftOutcome;
import dev.cuecard.hint.DraftRequest;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.question.UtteranceClassifier;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/** "Test connection": one real draft for a sample question, reported as one line. */
public final class ConnectionCheck {
    static final String SAMPLE = "what is the difference between a process and a thread";

    private ConnectionCheck() {
    }

    public static String run(LlmConfig config, UtteranceClassifier classifier, Executor http) {
        var question = classifier.classifyAsQuestion(SAMPLE);
        Hint template = new TemplateHintEngine().hintFor(question).orElse(TemplateHintEngine.general(SAMPLE));
        long t0 = System.nanoTime();
        DraftOutcome outcome = new LlmHintEngine(config, UserContext.empty(), http).draft(
                new DraftRequest(question, template, List.of()), new DraftListener() {
                    @Override
                    public void sending(String destination, boolean offMachine) {
                        // the settings dialog already says where it connects
                    }

                    @Override
                    public void update(Hint partial) {
                        // only the outcome matters for a connection check
                    }
                }, new DraftCancellation());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (outcome instanceof DraftOutcome.Drafted d) {
            return String.format(Locale.ROOT, "Connected to %s: a hint drafted in %d ms%s", config.destination(), ms,
                    d.usage().map(u -> " (" + u + ")").orElse(""));
        }
        if (outcome instanceof DraftOutcome.Failed f) {
            return "Not working: " + f.status();
        }
        return "Cancelled";
    }
}
