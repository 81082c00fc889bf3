package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.testing.DataFolderProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * QA (polish 5): {@code hint} and {@code practice score} escaped the text they print as a block —
 * every control character but the line feed — so a line break inside one field of a user's
 * template (YAML {@code "\n"}) started a line of its own that read as ours: a fake "Key points:"
 * section, a fake score. Each field now stays on its line, its line breaks shown as {@code \n}.
 * And {@code classify} printed the matched template's id as it was.
 */
class TemplateTextOneLineTest {
    private static final String FORGED = "Score 10.0 / 10";

    @TempDir
    Path home;
    @RegisterExtension
    final DataFolderProperty dataFolder = new DataFolderProperty(() -> home);

    @BeforeEach
    void userTemplate() throws Exception {
        Files.createDirectories(home.resolve("templates"));
        Files.writeString(home.resolve("templates/mine.yaml"), """
                category: system_design
                templates:
                  - id: pastebin
                    title: "Design a pastebin\\nKey points:"
                    triggers:
                      - how would you design a pastebin service
                    keywords: [pastebin]
                    hint:
                      gist: "A key-value store for ids\\n%s"
                      keyPoints:
                        - "Short ids from a counter\\n%s"
                      followUps:
                        - "How do pastes expire?\\n%s"
                  - id: "mine\\e]0;pwned\\x07"
                    triggers:
                      - how would you design a feeding scheduler for the animals of a zoo
                    hint:
                      gist: base62 ids
                """.formatted(FORGED, FORGED, FORGED));
    }

    @Test
    void aHintKeepsEachFieldOfAUserTemplateOnItsLine() {
        CliTest.Run r = CliTest.run("hint", "--offline", "how would you design a pastebin service");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Design a pastebin\\nKey points:  [system_design / pastebin")
                .contains("  A key-value store for ids\\n" + FORGED, "  - Short ids from a counter\\n" + FORGED,
                        "  - How do pastes expire?\\n" + FORGED);
        assertThat(r.out().lines()).noneMatch(l -> l.strip().equals(FORGED)).noneMatch(l -> l.equals("Key points:  ["));
    }

    /** classify's text line: the matched template's id is the user's too. */
    @Test
    void classifyShowsAUserTemplatesIdEscaped() {
        CliTest.Run r = CliTest.run("classify", "how would you design a feeding scheduler for the animals of a zoo");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("mine\\e]0;pwned\\x07").doesNotContain("\u001b", "\u0007");
    }

    @Test
    void aPracticeScoreKeepsEachFieldOfAUserTemplateOnItsLine() {
        CliTest.Run r = CliTest.run("practice", "score", "--question", "pastebin", "--offline",
                "--answer-text", "I would give each paste a short id from a counter and keep it in a key-value store.");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("  ✔ Short ids from a counter\\n" + FORGED);
        // a follow-up (an LLM's, or the card's) may run on over lines, but in its column, never at the margin
        assertThat(r.out().lines()).noneMatch(l -> l.startsWith(FORGED));
    }

    /** An answer about another topic is pointed back at the question's gist — the user's, so on its line too. */
    @Test
    void theOffTopicAdviceKeepsAUserTemplatesGistOnItsLine() {
        CliTest.Run r = CliTest.run("practice", "score", "--question", "pastebin", "--offline", "--answer-text",
                "Two threads each hold one mutex and wait for the other's, so neither goes on: a deadlock. "
                        + "Take the locks in one global order, or use tryLock with a timeout and back off.");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("its core: A key-value store for ids\\n" + FORGED);
        assertThat(r.out().lines()).noneMatch(l -> l.startsWith(FORGED));
    }
}
