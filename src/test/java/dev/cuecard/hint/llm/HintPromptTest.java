package dev.cuecard.hint.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.config.AppPaths;
import dev.cuecard.config.UserContext;
import dev.cuecard.hint.ConversationLine;
import dev.cuecard.hint.DraftRequest;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintSource;
import dev.cuecard.question.Category;
import dev.cuecard.question.Classification;
import dev.langchain4j.data.message.UserMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintPromptTest {
    @TempDir
    Path home;

    @Test
    void storiesFromTheDataFolderReachTheBehavioralPromptAndTheTranscriptIsBounded() throws Exception {
        Path stories = Files.createDirectories(home.resolve("context/stories"));
        Files.writeString(home.resolve("context/resume.md"), "Staff engineer, payments platform");
        Files.writeString(stories.resolve("conflict-with-teammate.md"), "Disagreed with a teammate about a migration plan; "
                + "we ran a spike and picked his approach.");
        Files.writeString(stories.resolve("outage.md"), "Led the incident response for a 3 hour outage.");
        Files.write(stories.resolve("binary.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        UserContext context = UserContext.load(AppPaths.at(home));
        assertThat(context.stories()).extracting(UserContext.Story::title)
                .containsExactly("conflict with teammate", "outage");

        String q = "tell me about a time you had a conflict with a teammate";
        Hint template = new Hint(q, Category.BEHAVIORAL, "conflict", HintSource.TEMPLATE, "Conflict", "STAR",
                List.of("Situation"), List.of(), List.of(), List.of(), List.of());
        List<ConversationLine> transcript = List.of(new ConversationLine(Channel.THEM, "old ".repeat(200)),
                new ConversationLine(Channel.ME, "recent answer"));
        String user = ((UserMessage) new HintPrompt(context, 100).messages(new DraftRequest(
                new Classification(q, true, Category.BEHAVIORAL, Optional.empty(), 0.9, 1), template, transcript))
                .get(1)).singleText();
        assertThat(user).contains("behavioral").contains("Staff engineer, payments platform")
                .contains("conflict with teammate").contains("we ran a spike").contains("3 hour outage")
                .contains("recent answer").doesNotContain("old old");
        // the most relevant story comes first
        assertThat(user.indexOf("conflict with teammate")).isLessThan(user.indexOf("3 hour outage"));
    }
}
