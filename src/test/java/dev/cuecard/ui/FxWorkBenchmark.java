package dev.cuecard.ui;

import dev.cuecard.audio.CaptureDevices;
import dev.cuecard.hotkey.GlobalHotkeys;
import dev.cuecard.hotkey.HotkeyBindings;
import dev.cuecard.practice.Answer;
import dev.cuecard.practice.AnswerScorer;
import dev.cuecard.practice.PracticeQuestion;
import dev.cuecard.practice.PracticeRound;
import dev.cuecard.practice.RoundSetup;
import dev.cuecard.practice.Seniority;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
import dev.cuecard.session.debrief.DebriefBuilder;
import dev.cuecard.testing.InterviewFixture;
import dev.cuecard.ui.debrief.DebriefViewModel;
import dev.cuecard.ui.debrief.DebriefWindow;
import dev.cuecard.ui.practice.PracticeViewModel;
import dev.cuecard.ui.practice.PracticeWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.application.Platform;

/**
 * How long each piece of work issue 12 moved off the FX thread takes (bench/fx-stalls.sh): what
 * the user's frames used to wait for. Each runs on this (non-FX) thread as the app's workers do;
 * first (cold) run and the median of the next ones. Needs a display (JavaFX scenes, the hotkey hook).
 */
public final class FxWorkBenchmark {
    private static final int RUNS = 7;

    private FxWorkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        Path dir = Files.createTempDirectory("cuecard-fx-work");
        TemplateLibrary library = TemplateLibrary.shipped();
        System.out.println("work moved off the FX thread                  wall ms: cold  median | CPU ms: cold  median"
                + "   (median of " + (RUNS - 1) + " warm runs)");

        int[] n = {0};
        measure("open a new database (create + migrate)", () -> {
            SessionStore s = SessionStore.open(dir.resolve("new-" + n[0]++ + ".db"));
            s.close();
            return null;
        });
        Path db = dir.resolve("cuecard.db");
        try (SessionStore s = SessionStore.open(db)) {
            for (int i = 0; i < 20; i++) {
                InterviewFixture.record(s);
            }
        }
        measure("open the database (20 sessions)", () -> {
            SessionStore.open(db).close();
            return null;
        });
        measure("list capture devices", CaptureDevices::list);
        try (SessionStore store = SessionStore.open(db)) {
            DebriefBuilder builder = new DebriefBuilder(AnswerFeedbackRater.shipped(), library);
            long id = store.list().get(0).id();
            measure("debrief: list + load + analyse a session", () -> {
                store.list();
                return DebriefViewModel.load(store, id, builder);
            });
            measure("debrief: build its window's scene", () -> DebriefWindow.prepare(
                    dev.cuecard.ui.debrief.SessionBrowserModel.loaded(store, builder, new CurrentThreadTaskExecutor(),
                            java.util.OptionalLong.of(id))));
            measure("debrief: search + save a review", () -> {
                store.search("cache", java.util.OptionalLong.of(id), 100);
                long q = store.load(id).orElseThrow().questions().get(0).id();
                store.transaction(() -> {
                    store.setAnswerNote(q, "lead with the number");
                    store.setAnswerRating(q, 4);
                });
                return null;
            });
            measure("practice: rubric + view model + window's scene", () -> new PracticeWindow(new PracticeViewModel(
                    library, AnswerScorer.shipped(), Optional.empty(), Optional.of(store), () -> null,
                    new CurrentThreadTaskExecutor())));
            AnswerScorer scorer = AnswerScorer.shipped();
            measure("practice: score a typed answer + store it", () -> {
                PracticeRound r = new PracticeRound(RoundSetup.screening(Seniority.MID),
                        List.of(PracticeQuestion.of(1, library.get("cache-aside").orElseThrow())), scorer,
                        Optional.empty(), Optional.of(store));
                return r.answer(Answer.typed(InterviewFixture.A1_PART1 + " " + InterviewFixture.A1_PART2));
            });
        }
        measure("demo: copy the recordings out of the jar", DemoRecording::extract);
        measure("start + stop the global hotkey hook", () -> {
            GlobalHotkeys.Result r = GlobalHotkeys.start(HotkeyBindings.defaults(), a -> { });
            r.hotkeys().ifPresent(GlobalHotkeys::close);
            return r;
        });
        Platform.exit();
        System.exit(0);
    }

    /** Wall time, and the CPU time of this thread (what the FX thread would have spent: load-independent). */
    private static void measure(String what, Callable<?> work) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            work.call();
            wall.add((System.nanoTime() - t0) / 1e6);
            cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
        }
        System.out.printf(Locale.ROOT, "%-48s %7.1f %7.1f |     %7.1f %7.1f%n", what, wall.get(0), medianWarm(wall),
                cpu.get(0), medianWarm(cpu));
    }

    private static double medianWarm(List<Double> runs) {
        List<Double> warm = new ArrayList<>(runs.subList(1, runs.size()));
        Collections.sort(warm);
        return warm.get(warm.size() / 2);
    }
}
