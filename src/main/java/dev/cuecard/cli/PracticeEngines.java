package dev.cuecard.cli;

import dev.cuecard.config.AppPaths;
import dev.cuecard.config.SettingsStore;
import dev.cuecard.hint.llm.JsonChat;
import dev.cuecard.hint.llm.LlmConfig;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.practice.AnswerReviewer;
import dev.cuecard.practice.LlmAnswerReviewer;
import dev.cuecard.practice.Seniority;
import java.util.Optional;
import java.util.concurrent.Executors;

/** The practice commands' LLM reviewer: only with an endpoint configured and not {@code --offline}. */
final class PracticeEngines {
    private PracticeEngines() {
    }

    static Optional<AnswerReviewer> reviewer(Cli cli, boolean offline, Seniority level) {
        if (offline) {
            return Optional.empty();
        }
        SettingsStore.Loaded loaded = SettingsStore.load(AppPaths.from(cli.env()));
        loaded.problem().ifPresent(cli::warn);
        try {
            return LlmConfig.resolve(loaded.settings().llmSettings(), cli.env())
                    .map(c -> new LlmAnswerReviewer(new JsonChat(c,
                            Executors.newCachedThreadPool(new NamedThreadFactory("llm-http"))), level));
        } catch (LlmConfig.InvalidConfigException e) {
            cli.warn(e.getMessage() + "; offline rubric only");
            return Optional.empty();
        }
    }
}
