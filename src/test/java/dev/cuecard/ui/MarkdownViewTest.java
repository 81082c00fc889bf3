package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.testfx.api.FxToolkit;

/** Markdown built in the background: the document asked for last is the one shown, and complete says when it all is. */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class MarkdownViewTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // text nodes need the toolkit; these are in no scene, so any thread may build them
    }

    @Test
    void aRenderThatArrivesAfterANewerDocumentIsDropped() throws Exception {
        Held tasks = new Held();
        MarkdownView view = new MarkdownView(); // not in a shown scene: no FX thread needed
        view.showLater("# Old report", tasks);
        view.showLater("# New report\n\nIts text.", tasks);
        assertThat(view.completeProperty().get()).isFalse();
        tasks.finish(1);
        assertThat(view.plainText()).isEqualTo("New report\nIts text.\n");
        assertThat(view.completeProperty().get()).isTrue();
        tasks.finish(0); // the old one, late
        assertThat(view.plainText()).isEqualTo("New report\nIts text.\n");
        assertThat(view.completeProperty().get()).isTrue();
    }

    @Test
    void setMarkdownShowsEverythingAtOnce() {
        MarkdownView view = new MarkdownView();
        view.setMarkdown("# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- item");
        assertThat(view.plainText()).isEqualTo("Title\na\nb\n1\n2\n•\nitem\n");
        assertThat(view.completeProperty().get()).isTrue();
    }

    /** Runs each task when told, in any order: renders arriving out of order. */
    private static final class Held implements TaskExecutor {
        private final List<Runnable> tasks = new ArrayList<>();

        @Override
        public <T> Future<T> submit(Callable<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onFailed) {
            tasks.add(() -> {
                try {
                    onDone.accept(work.call());
                } catch (Exception e) {
                    onFailed.accept(e);
                }
            });
            return new CompletableFuture<>();
        }

        void finish(int i) {
            tasks.get(i).run();
        }

        @Override
        public TaskExecutor serial(String role) {
            return this;
        }

        @Override
        public boolean shutdown(Duration timeout) {
            return true;
        }
    }
}
