package dev.cuecard.ui;

import dev.cuecard.audio.Channel;
import dev.cuecard.coach.AnswerCoach;
import dev.cuecard.pipeline.PipelineEvent;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * The live answer coach as the card shows it, per question: written from the coach's events by
 * {@link LiveSessionModel} on the FX thread. {@link #changedProperty()} counts changes so a view
 * re-reads once per change instead of binding to every field.
 */
public final class CoachModel {
    /** One answer as far as the coach has told: ticks only ever added. */
    public static final class Answer {
        private final Set<String> ticked = new LinkedHashSet<>();
        private long startMs = -1;
        private long elapsedMs;
        private double wordsPerMinute;
        private int fillers;
        private List<String> nextToSay = List.of();
        private boolean ended;
        private Optional<String> followUp = Optional.empty();

        public boolean ticked(String point) {
            return ticked.contains(point);
        }

        public Set<String> ticked() {
            return Set.copyOf(ticked);
        }

        /** Whether the candidate has begun (a first final result placed it). */
        public boolean started() {
            return startMs >= 0;
        }

        /**
         * Answer time: to its last word once ended, else up to the candidate's audio now, so the
         * clock runs between results and through pauses.
         */
        public long elapsedMs(long candidateAudioMs) {
            return ended || !started() ? elapsedMs : Math.max(elapsedMs, candidateAudioMs - startMs);
        }

        public double wordsPerMinute() {
            return wordsPerMinute;
        }

        public int fillers() {
            return fillers;
        }

        /** What to say next, without a point ticked since (partials tick between the coach's progress reports). */
        public List<String> nextToSay() {
            Set<String> said = new java.util.HashSet<>();
            ticked.forEach(p -> said.add(AnswerCoach.glance(p)));
            return nextToSay.stream().filter(n -> !said.contains(n)).toList();
        }

        public boolean ended() {
            return ended;
        }

        public Optional<String> followUp() {
            return followUp;
        }
    }

    private final Map<Integer, Answer> answers = new HashMap<>();
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final BooleanProperty candidateHeard = new SimpleBooleanProperty();
    private final LongProperty candidateAudioMs = new SimpleLongProperty();
    private final ReadOnlyLongWrapper changed = new ReadOnlyLongWrapper();

    /** Applies a pipeline event if it is the coach's (or the candidate channel's clock); FX thread. */
    void apply(PipelineEvent event) {
        if (event instanceof PipelineEvent.Coverage c) {
            if (answer(c.questionId()).ticked.add(c.point())) {
                changed();
            }
        } else if (event instanceof PipelineEvent.AnswerProgress p) {
            Answer a = answer(p.questionId());
            a.startMs = p.startMs();
            a.elapsedMs = p.elapsedMs();
            a.wordsPerMinute = p.wordsPerMinute();
            a.fillers = p.fillers();
            a.ticked.addAll(p.covered());
            a.nextToSay = p.nextToSay();
            changed();
        } else if (event instanceof PipelineEvent.AnswerEnd e) {
            Answer a = answer(e.questionId());
            a.ended = true;
            a.elapsedMs = e.durationMs();
            a.wordsPerMinute = e.wordsPerMinute();
            a.fillers = e.fillers();
            a.ticked.addAll(e.covered());
            a.followUp = e.likelyFollowUp();
            changed();
        } else if (event instanceof PipelineEvent.Level l && l.channel() == Channel.ME) {
            candidateAudioMs.set(l.level().atMs());
        } else if (event instanceof PipelineEvent.ChannelStatus s && s.channel() == Channel.ME
                && s.state() == PipelineEvent.ChannelStatus.State.STARTED) {
            // the coach runs only with a candidate channel: a them-only session never shows it
            candidateHeard.set(true);
        }
    }

    /** A new session: the last one's answers go (they are stored), the user's show/hide choice stays. */
    void clear() {
        answers.clear();
        candidateHeard.set(false);
        candidateAudioMs.set(0);
        changed();
    }

    private Answer answer(int questionId) {
        return answers.computeIfAbsent(questionId, id -> new Answer());
    }

    private void changed() {
        changed.set(changed.get() + 1);
    }

    public Optional<Answer> answerTo(int questionId) {
        return Optional.ofNullable(answers.get(questionId));
    }

    public void toggle() {
        shown.set(!shown.get());
    }

    /** The user's choice (setting and hotkey). */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** This session has a candidate channel, so the coach is running. */
    public BooleanProperty candidateHeardProperty() {
        return candidateHeard;
    }

    /** How far the candidate's audio has been read (ms): the answer clock. */
    public LongProperty candidateAudioMsProperty() {
        return candidateAudioMs;
    }

    public ReadOnlyLongProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }
}
