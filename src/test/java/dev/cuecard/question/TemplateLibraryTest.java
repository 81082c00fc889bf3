package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLibraryTest {
    @TempDir
    Path userDir;

    @Test
    void shippedLibraryLoadsCleanlyWithAtLeastAHundredTemplatesAcrossAllCategories() {
        TemplateLibrary lib = TemplateLibrary.shipped();
        assertThat(lib.problems()).isEmpty();
        assertThat(lib.all()).hasSizeGreaterThanOrEqualTo(100);
        for (Category c : Category.topics()) {
            assertThat(lib.inCategory(c)).as(c.id()).hasSizeGreaterThanOrEqualTo(8);
        }
        for (Template t : lib.all()) {
            assertThat(t.triggers()).as(t.id()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(t.card().structure()).as(t.id()).isNotEmpty();
            assertThat(t.card().keyPoints()).as(t.id()).isNotEmpty();
            assertThat(t.card().followUps()).as(t.id()).isNotEmpty();
            assertThat(t.card().pitfalls()).as(t.id()).isNotEmpty();
            // triggers are recogniser-shaped: lower case, no punctuation
            t.triggers().forEach(tr -> assertThat(tr).as(t.id()).isEqualTo(TextNormalizer.normalize(tr)));
        }
    }

    @Test
    void behavioralTemplatesAreStarShellsThatPointAtTheUsersOwnStories() {
        for (Template t : TemplateLibrary.shipped().inCategory(Category.BEHAVIORAL)) {
            String structure = String.join(" ", t.card().structure()).toLowerCase();
            assertThat(structure).as(t.id()).contains("situation").contains("action").contains("result");
            String all = (t.card().gist() + " " + String.join(" ", t.card().keyPoints())).toLowerCase();
            assertThat(all).as(t.id()).containsAnyOf("your own", "your story", "story bank", "real story",
                    "a story", "pick a", "your ");
        }
    }

    @Test
    void userTemplatesAddAndOverride() throws Exception {
        Files.writeString(userDir.resolve("mine.yaml"), """
                category: caching
                templates:
                  - id: my-cdn-question
                    title: My CDN question
                    triggers: [how does our cdn purge work, what is a cdn purge, explain cdn invalidation]
                    keywords: [cdn purge]
                    hint:
                      gist: Purge by tag, not by URL.
                      structure: [say what a purge is]
                      keyPoints: [tags]
                      numbers: []
                      pitfalls: [purging everything]
                      followUps: [what about stale while revalidate]
                  - id: rate-limiter
                    category: system_design
                    title: Rate limiter (my notes)
                    triggers: [design a rate limiter, how would you throttle clients, build a rate limiter]
                    hint:
                      gist: My own rate limiter notes.
                """);
        TemplateLibrary lib = TemplateLibrary.load(Optional.of(userDir));
        assertThat(lib.problems()).isEmpty();
        assertThat(lib.get("my-cdn-question")).get().extracting(Template::category).isEqualTo(Category.CACHING);
        assertThat(lib.get("rate-limiter")).get().extracting(t -> t.card().gist()).isEqualTo("My own rate limiter notes.");
        assertThat(lib.all()).hasSize(TemplateLibrary.shipped().all().size() + 1);
    }

    @Test
    void malformedFileIsReportedWithFileAndLineAndEverythingElseLoads() throws Exception {
        Path broken = userDir.resolve("broken.yaml");
        Files.writeString(broken, """
                category: caching
                templates:
                  - id: fine-one
                    triggers: [what is a cache, why cache, when to cache]
                    hint: {gist: ok}
                  - id: [this is, not: valid
                    triggers: x
                """);
        Path incomplete = userDir.resolve("incomplete.yaml");
        Files.writeString(incomplete, """
                category: databases
                templates:
                  - id: no-gist
                    triggers: [what is an index]
                    hint:
                      structure: [one]
                  - id: good-db
                    triggers: [what is a b tree, explain b trees, how does a b tree index work]
                    hint: {gist: balanced pages}
                """);
        TemplateLibrary lib = TemplateLibrary.load(Optional.of(userDir));
        assertThat(lib.problems()).hasSize(2);
        assertThat(lib.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(broken.toString());
            assertThat(p.line()).isBetween(6, 8);
        });
        assertThat(lib.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(incomplete.toString());
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("no-gist").contains("gist");
        });
        assertThat(lib.get("fine-one")).isPresent();
        assertThat(lib.get("good-db")).isPresent();
        assertThat(lib.all()).hasSize(TemplateLibrary.shipped().all().size() + 2);
    }

    @Test
    void asrVocabularyAddsTheTermsBehindCommonMishearings() {
        AsrVocabulary v = AsrVocabulary.shipped();
        assertThat(v.size()).isGreaterThan(50);
        assertThat(v.apply("what happens when the cash goes down")).contains("cache");
        assertThat(v.apply("how would you use cough car here")).contains("kafka");
    }
}
