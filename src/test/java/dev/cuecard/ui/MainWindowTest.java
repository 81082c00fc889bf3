package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.pipeline.PipelineEvent;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The main window in a real JavaFX window: its status area and which buttons can act when. */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class MainWindowTest {
    LiveSessionModel model;
    MainWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        FxTestSupport.onFx(() -> {
            model = new LiveSessionModel(FxTestSupport.CLASSIFIER, new TemplateHintEngine());
            window = new MainWindow(new Stage(), model, new NoActions(), Optional.empty(), Optional.empty());
            window.stage().show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private Button button(String text) throws Exception {
        return FxTestSupport.onFx(() -> (Button) window.stage().getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && text.equals(b.getText())).findFirst().orElseThrow());
    }

    private ButtonBase toggle(String text) throws Exception {
        return FxTestSupport.onFx(() -> (ButtonBase) window.stage().getScene().getRoot().lookupAll(".toggle-button").stream()
                .filter(n -> n instanceof ButtonBase b && text.equals(b.getText())).findFirst().orElseThrow());
    }

    /**
     * Fitted to a screen narrower than its preferred 1100 px (here Xvfb's 1280 px, the overlay's column
     * beside it), the window's scene is made at the window's width: made at 1100 px, it was styled and laid
     * out at that width as the window was shown, then all over again in the first frame.
     */
    @Test
    void theSceneIsMadeAtTheWidthTheWindowIsShownAt() throws Exception {
        FxTestSupport.onFx(() -> {
            Stage stage = new Stage();
            new MainWindow(stage, model, new NoActions(), Optional.empty(), Optional.empty());
            assertThat(stage.getWidth()).as("fitted beside the overlay").isLessThan(1100);
            assertThat(stage.getScene().getWidth()).isEqualTo(stage.getWidth());
            assertThat(stage.getScene().getHeight()).isEqualTo(stage.getHeight());
            return null;
        });
    }

    @Test
    void anErrorIsShownInTheStatusAreaWithItsSeverityAndStaysInItsHistory() throws Exception {
        FxTestSupport.onFx(() -> model.say(StatusMessage.error(
                "No capture device could be opened — connect a microphone or try the demo")));
        WaitForAsyncUtils.waitForFxEvents();
        StatusBar bar = window.statusBar();
        assertThat(bar.getStyleClass()).contains("status-error");
        assertThat(bar.textLabel().getText()).startsWith("No capture device could be opened");
        assertThat(bar.isVisible()).isTrue();
        assertThat(bar.getLayoutBounds().getHeight()).isPositive();
        assertThat(FxTestSupport.elided(bar)).isEmpty();

        FxTestSupport.onFx(() -> model.say(StatusMessage.info("Session ended — open Debrief to review it")));
        assertThat(bar.getStyleClass()).contains("status-info").doesNotContain("status-error");
        assertThat(model.statusHistory()).extracting(StatusMessage::severity)
                .containsSubsequence(StatusMessage.Severity.ERROR, StatusMessage.Severity.INFO);
        assertThat(bar.getAccessibleText()).startsWith("info: Session ended");
    }

    /**
     * At start-up a settings warning is followed within a second by "Loading…" and "Listening": the
     * history's button shows that a warning went there unread, and the menu shows it whole.
     */
    @Test
    void aWarningPushedIntoTheHistoryIsMarkedUnreadUntilTheHistoryIsOpened() throws Exception {
        StatusBar bar = window.statusBar();
        String warning = "Hotkeys: no action 'moreDetail' (did you mean 'more_detail'?) — ignored; "
                + "settings file /home/someone/.local/share/cuecard/settings.yaml: 'ui.fontScale' must be between "
                + "0.8 and 1.6 (got 5; 1.6 is used)";
        FxTestSupport.onFx(() -> {
            model.say(StatusMessage.info("Ready"));
            model.say(StatusMessage.info("Loading the speech model…"));
            return null;
        });
        assertThat(bar.history().getStyleClass()).noneMatch(c -> c.startsWith("unread-"));
        FxTestSupport.onFx(() -> {
            model.say(StatusMessage.warning(warning));
            model.say(StatusMessage.success("Listening"));
            return null;
        });
        assertThat(bar.history().getStyleClass()).contains("unread-warning");
        assertThat(bar.history().getGraphic()).isNotNull();
        assertThat(bar.history().getAccessibleText()).contains("a warning not yet read");
        javafx.scene.text.Text shown = FxTestSupport.onFx(() -> (javafx.scene.text.Text) ((javafx.scene.control
                .CustomMenuItem) bar.history().getItems().get(1)).getContent().lookup(".cell-text"));
        assertThat(shown.getText()).endsWith(warning);
        assertThat(shown.getParent().getAccessibleText()).startsWith("warning, ").endsWith(warning);

        FxTestSupport.onFx(() -> {
            bar.history().show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.history().getStyleClass()).noneMatch(c -> c.startsWith("unread-"));
        assertThat(bar.history().getGraphic()).isNull();
        FxTestSupport.onFx(() -> {
            assertThat(shown.getLayoutBounds().getWidth()).as("wrapped, not run off the screen")
                    .isLessThanOrEqualTo(StatusBar.HISTORY_TEXT_WIDTH);
            assertThat(shown.getParent().getLayoutBounds().getHeight()).as("every line of it shown")
                    .isGreaterThanOrEqualTo(shown.getLayoutBounds().getHeight());
            assertThat(shown.getLayoutBounds().getHeight()).as("on more than one line")
                    .isGreaterThan(2 * shown.getFont().getSize());
            bar.history().hide();
            return null;
        });
    }

    @Test
    void buttonsAreEnabledOnlyWhenTheyCanAct() throws Exception {
        // no capture device at all: Start cannot act, the demo can
        FxTestSupport.onFx(() -> window.showDevices(DevicePickers.catalog(), List.of()));
        assertThat(button("Start").isDisabled()).isTrue();
        assertThat(button("Demo").isDisabled()).isFalse();
        assertThat(button("Stop").isDisabled()).isTrue();
        assertThat(toggle("Pause").isDisabled()).isTrue();
        assertThat(button("Debrief").isDisabled()).as("no session database yet").isTrue();

        FxTestSupport.onFx(() -> window.choose(Optional.of("default"), Optional.empty()));
        assertThat(button("Start").isDisabled()).as("a device is chosen").isFalse();

        FxTestSupport.onFx(() -> {
            model.listeningProperty().set(true);
            model.sessionsAvailableProperty().set(true);
        });
        assertThat(button("Start").isDisabled()).isTrue();
        assertThat(button("Demo").isDisabled()).isTrue();
        assertThat(button("Stop").isDisabled()).isFalse();
        assertThat(toggle("Pause").isDisabled()).isFalse();
        assertThat(button("Debrief").isDisabled()).isFalse();
        Label pill = FxTestSupport.onFx(() -> (Label) window.stage().getScene().lookup("#listening-pill"));
        assertThat(pill.getText()).isEqualTo("● Listening");
        FxTestSupport.onFx(() -> model.pausedProperty().set(true));
        assertThat(pill.getText()).isEqualTo("❚❚ Paused");
        assertThat(pill.getStyleClass()).contains("pill-paused");
    }

    @Test
    void aSavedDeviceIsShownByItsDescriptionAndStillShownWhenThePickersListIsOpened() throws Exception {
        // the choice saved last time (or in the settings), then this machine's devices, listed in the background
        FxTestSupport.onFx(() -> window.choose(Optional.of("qa_headset.monitor"), Optional.empty()));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> them = FxTestSupport.onFx(() -> (javafx.scene.control.ComboBox<String>)
                window.stage().getScene().getRoot().lookupAll(".combo-box").iterator().next());
        dev.cuecard.audio.AudioDevice headset = new dev.cuecard.audio.AudioDevice("qa_headset.monitor", "Headset",
                dev.cuecard.audio.AudioDevice.Backend.SOUND_SERVER, true, false);
        FxTestSupport.onFx(() -> window.showDevices(DevicePickers.catalog(), List.of(headset)));
        assertThat(FxTestSupport.shown(them)).isEqualTo("Headset — qa_headset.monitor");
        // opening reads this machine's list again, where the headset is not (unplugged): the choice stays, by its name
        FxTestSupport.onFx(them::show);
        assertThat(FxTestSupport.shown(them)).as("while the list is open").contains("qa_headset.monitor");
        FxTestSupport.onFx(them::hide);
        assertThat(FxTestSupport.shown(them)).as("once it is closed").contains("qa_headset.monitor");
    }

    @Test
    void withNoDevicesTheHelpSaysThatNoSoundServerAnswered() throws Exception {
        // a server that is not there: the catalog's notice says why the list is empty (QA: the main window only said
        // "no capture device found" where the settings and the audio check named the missing sound server)
        String before = System.getProperty("cuecard.pulse.server");
        System.setProperty("cuecard.pulse.server", "unix:/nonexistent/cuecard-test/native");
        try {
            dev.cuecard.audio.DeviceCatalog catalog = DevicePickers.catalog();
            catalog.list();
            assertThat(catalog.notice()).as("notice of a catalog without a server").isPresent();
            FxTestSupport.onFx(() -> window.showDevices(catalog, List.of()));
            String help = FxTestSupport.onFx(() -> window.stage().getScene().getRoot().lookupAll(".label").stream()
                    .map(n -> ((Label) n).getText()).filter(t -> t != null && t.startsWith("No capture device"))
                    .findFirst().orElse(""));
            assertThat(help).contains(catalog.notice().get()).contains("Demo");
        } finally {
            if (before == null) {
                System.clearProperty("cuecard.pulse.server");
            } else {
                System.setProperty("cuecard.pulse.server", before);
            }
        }
    }

    @Test
    void transcriptLinesHaveTheirTimeAndWrapInsteadOfBeingCut() throws Exception {
        String longLine = "so tell me how you would design a rate limiter for a public api that serves many "
                + "tenants with different quotas and bursts and what you would store where and why";
        FxTestSupport.onFx(() -> {
            window.stage().setWidth(MainWindow.MIN_WIDTH);
            model.apply(dev.cuecard.testing.InterviewFixture.transcript(Channel.THEM, 61_000, 70_000, longLine));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node transcript = FxTestSupport.onFx(() -> window.stage().getScene().lookup("#transcript"));
        List<javafx.scene.text.Text> shown = FxTestSupport.onFx(() -> ((javafx.scene.Parent) transcript)
                .lookupAll(".cell-text").stream().map(n -> (javafx.scene.text.Text) n)
                .filter(t -> t.getText() != null && t.getText().contains("rate limiter")).toList());
        assertThat(shown).singleElement().satisfies(t -> {
            assertThat(t.getText()).isEqualTo("1:01   Interviewer: " + longLine);
            // several lines, and the row is as tall as they are
            double lineHeight = t.getFont().getSize();
            assertThat(t.getLayoutBounds().getHeight()).isGreaterThan(2 * lineHeight);
            javafx.scene.control.ListCell<?> row = (javafx.scene.control.ListCell<?>) t.getParent();
            assertThat(row.getHeight()).isGreaterThanOrEqualTo(t.getLayoutBounds().getHeight());
        });
    }

    @Test
    void aLongTopicInTheQuestionListWrapsInsteadOfRunningOutOfTheList() throws Exception {
        String before = javafx.application.Application.getUserAgentStylesheet();
        FxTestSupport.onFx(() -> {
            // the app's theme; the question list as narrow as it goes (its divider dragged to the right)
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            ((javafx.scene.control.SplitPane) window.stage().getScene().lookup(".split-pane")).setDividerPositions(1.0);
            for (PipelineEvent e : FxTestSupport.questionAndHint(1,
                    "okay and how would that work across several data centers")) {
                model.apply(e);
            }
        });
        try {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.ListView<?> questions = FxTestSupport.onFx(() ->
                    (javafx.scene.control.ListView<?>) window.stage().getScene().lookup("#questions"));
            String topic = FxTestSupport.onFx(() -> model.questions().get(0).classification().category().toString());
            // "Distributed systems · 76%" ran past the list's edge, cut, with a horizontal scroll bar under the list
            List<String> outside = FxTestSupport.onFx(() -> {
                questions.applyCss();
                questions.layout();
                double right = questions.localToScene(questions.getLayoutBounds()).getMaxX();
                List<String> out = new java.util.ArrayList<>();
                for (Node n : questions.lookupAll(".question-topic")) {
                    if (n instanceof Label l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                            && l.lookup(".text") instanceof javafx.scene.text.Text t) {
                        double drawn = t.localToScene(t.getLayoutBounds()).getMaxX();
                        if (drawn > right || !l.getText().equals(t.getText())) {
                            out.add("“" + l.getText() + "” shown as “" + t.getText() + "” to x=" + Math.round(drawn)
                                    + ", the list ends at " + Math.round(right));
                        }
                    }
                }
                for (Node n : questions.lookupAll(".scroll-bar")) {
                    if (n instanceof javafx.scene.control.ScrollBar b && b.isVisible()
                            && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                        out.add("a horizontal scroll bar");
                    }
                }
                return out;
            });
            assertThat(outside).as(topic).isEmpty();
        } finally {
            FxTestSupport.onFx(() -> javafx.application.Application.setUserAgentStylesheet(before));
        }
    }

    @Test
    void theInterviewersLinesAreBoldInTheAccentColourAndTheCandidatesPlain() throws Exception {
        underTheAppsTheme(this::interviewerAndCandidateRowsAreStyled);
    }

    private interface Steps {
        void run() throws Exception;
    }

    /** The app's theme (DesktopApp), whose looked-up colours the windows use, while {@code test} runs. */
    private static void underTheAppsTheme(Steps test) throws Exception {
        String before = javafx.application.Application.getUserAgentStylesheet();
        try {
            FxTestSupport.onFx(() -> javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));
            test.run();
        } finally {
            FxTestSupport.onFx(() -> javafx.application.Application.setUserAgentStylesheet(before));
        }
    }

    /**
     * The session's last lines reach the view after quitting has hidden the window (the pipeline
     * stops after it). A hidden window's scene no longer resolves the theme's colours: scrolling the
     * transcript to a new row there styled it and printed "Could not resolve '-color-cell-fg'" on the
     * console of everyone who quit during a session.
     */
    @Test
    void linesHeardAfterTheWindowIsHiddenAreNotStyledThere() throws Exception {
        underTheAppsTheme(() -> {
            // more rows than the list shows: a row added now needs a new cell, not an empty one in view
            FxTestSupport.onFx(() -> {
                for (int i = 0; i < 40; i++) {
                    model.apply(dev.cuecard.testing.InterviewFixture.transcript(i % 2 == 0 ? Channel.THEM : Channel.ME,
                            i * 3_000L, i * 3_000L + 2_000, "line " + i + " of the interview so far"));
                }
            });
            WaitForAsyncUtils.waitForFxEvents();
            List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.logging.Handler handler = new java.util.logging.Handler() {
                @Override
                public void publish(java.util.logging.LogRecord r) {
                    warnings.add(r.getMessage());
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            java.util.logging.Logger css = java.util.logging.Logger.getLogger("javafx.css");
            css.addHandler(handler);
            try {
                FxTestSupport.onFx(() -> window.stage().hide());
                FxTestSupport.onFx(() -> model.apply(dev.cuecard.testing.InterviewFixture.transcript(Channel.ME,
                        200_000, 202_000, "by customer id")));
                WaitForAsyncUtils.waitForFxEvents();
            } finally {
                css.removeHandler(handler);
            }
            assertThat(warnings).isEmpty();
            assertThat(FxTestSupport.onFx(() -> model.transcript().size())).as("the line is still kept").isEqualTo(41);
        });
    }

    @Test
    void aTranscriptRowIsAsTallAsItsLinesAfterPartialsAndAfterTheWindowIsWidened() throws Exception {
        // as the demo shows it: the app's theme, partial results growing word by word, then the final
        underTheAppsTheme(() -> {
            FxTestSupport.onFx(() -> window.stage().setWidth(1100));
            WaitForAsyncUtils.waitForFxEvents();
            speak(Channel.THEM, 0, "hi thanks for joining today can you hear me okay");
            speak(Channel.ME, 4_000, "yes i can hear you fine");
            Node transcript = FxTestSupport.onFx(() -> window.stage().getScene().lookup("#transcript"));
            assertNoBlankLineUnderARow(transcript);
            FxTestSupport.onFx(() -> window.stage().setWidth(1500));
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            assertNoBlankLineUnderARow(transcript);
        });
    }

    /** Partial results word by word, then the final one, on one channel. */
    private void speak(Channel channel, long startMs, String line) throws Exception {
        String[] words = line.split(" ");
        for (int i = 1; i <= words.length; i++) {
            String partial = String.join(" ", java.util.Arrays.copyOf(words, i));
            FxTestSupport.onFx(() -> model.apply(new dev.cuecard.pipeline.PipelineEvent.Transcript(
                    new dev.cuecard.asr.TranscriptEvent(channel, dev.cuecard.asr.TranscriptKind.PARTIAL, partial,
                            startMs, startMs + 2_000, startMs + 2_100, List.of()))));
            WaitForAsyncUtils.waitForFxEvents();
        }
        FxTestSupport.onFx(() -> model.apply(dev.cuecard.testing.InterviewFixture.transcript(channel, startMs,
                startMs + 2_000, line)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertNoBlankLineUnderARow(Node transcript) throws Exception {
        List<String> rows = FxTestSupport.onFx(() -> ((javafx.scene.Parent) transcript).lookupAll(".cell-text").stream()
                .map(n -> (javafx.scene.text.Text) n).filter(t -> t.getText() != null && !t.getText().isEmpty())
                .map(t -> String.format(java.util.Locale.ROOT, "%s: text %.0f, row %.0f, line %.0f", t.getText(),
                        t.getLayoutBounds().getHeight(), ((javafx.scene.layout.Region) t.getParent()).getHeight(),
                        t.getFont().getSize()))
                .toList());
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            String[] f = r.replaceAll(".*text (\\d+), row (\\d+), line (\\d+)", "$1 $2 $3").split(" ");
            assertThat(Double.parseDouble(f[1])).as(r).isLessThan(Double.parseDouble(f[0]) + Double.parseDouble(f[2]));
        });
    }

    private void interviewerAndCandidateRowsAreStyled() throws Exception {
        FxTestSupport.onFx(() -> {
            model.apply(dev.cuecard.testing.InterviewFixture.transcript(Channel.THEM, 1_000, 3_000, "how would you shard it"));
            model.apply(dev.cuecard.testing.InterviewFixture.transcript(Channel.ME, 4_000, 6_000, "by customer id"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node transcript = FxTestSupport.onFx(() -> window.stage().getScene().lookup("#transcript"));
        List<javafx.scene.text.Text> rows = FxTestSupport.onFx(() -> ((javafx.scene.Parent) transcript)
                .lookupAll(".cell-text").stream().map(n -> (javafx.scene.text.Text) n)
                .filter(t -> t.getText() != null && !t.getText().isEmpty()).toList());
        javafx.scene.text.Text them = rows.stream().filter(t -> t.getText().contains("shard")).findFirst().orElseThrow();
        javafx.scene.text.Text me = rows.stream().filter(t -> t.getText().contains("customer")).findFirst().orElseThrow();
        // the theme's accent, resolved (a failed lookup draws black), and plain text in the default colour
        assertThat(them.getFill()).isNotEqualTo(javafx.scene.paint.Color.BLACK).isNotEqualTo(me.getFill());
        assertThat(them.getFont().getStyle()).containsIgnoringCase("bold");
        assertThat(me.getFill()).isNotEqualTo(javafx.scene.paint.Color.BLACK);
        assertThat(me.getFont().getStyle()).doesNotContainIgnoringCase("bold");
    }

    @Test
    void theWindowHasAMinimumSizeAndIconButtonsHaveNames() throws Exception {
        assertThat(window.stage().getMinWidth()).isEqualTo(MainWindow.MIN_WIDTH);
        assertThat(window.stage().getMinHeight()).isEqualTo(MainWindow.MIN_HEIGHT);
        FxTestSupport.onFx(() -> {
            window.stage().setWidth(MainWindow.MIN_WIDTH);
            window.stage().setHeight(MainWindow.MIN_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> unnamed = FxTestSupport.onFx(() -> window.stage().getScene().getRoot().lookupAll(".button")
                .stream().filter(n -> n instanceof ButtonBase b && (b.getAccessibleText() == null
                        || b.getAccessibleText().isBlank()) && (b.getText() == null || b.getText().isBlank()))
                .map(Node::toString).toList());
        assertThat(unnamed).isEmpty();
        // at the minimum size the toolbar keeps every button (icons only, nothing folded into an overflow menu)
        Node overflow = FxTestSupport.onFx(() -> window.stage().getScene().lookup(".tool-bar-overflow-button"));
        assertThat(overflow == null || !overflow.isVisible()).as("toolbar overflow menu").isTrue();
        assertThat(FxTestSupport.elided(window.stage().getScene().getRoot())).isEmpty();
    }

    /** A window whose buttons do nothing: the tests look at what is enabled, not at what runs. */
    static final class NoActions implements MainWindow.Actions {
        @Override
        public void start(Optional<String> themDevice, Optional<String> meDevice) {
        }

        @Override
        public void startDemo() {
        }

        @Override
        public void stop() {
        }

        @Override
        public void setPaused(boolean paused) {
        }

        @Override
        public void openSettings() {
        }

        @Override
        public void openDebrief() {
        }

        @Override
        public void openPractice() {
        }
    }
}
