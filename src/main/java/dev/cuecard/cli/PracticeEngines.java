package dev.cuecard.cli;

import dev.cuecard.practice.AnswerReviewer;
import dev.cuecard.practice.LlmAnswerReviewer;
import dev.cuecard.practice.Seniority;
import java.util.Optional;

/** The practice commands' LLM reviewer: only with an endpoint configured and not {@code --offline}. */
final class PracticeEngines {
    private PracticeEngines() {
    }

    static Optional<AnswerReviewer> reviewer(Cli cli, boolean offline, Seniority level) {
        if (offline) {
            return Optional.empty();
        }
        return cli.llm(false).map(s -> new LlmAnswerReviewer(s.chat(), level));
    }
}
