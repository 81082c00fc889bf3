package dev.cuecard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionInfo;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionRecorder;
import dev.cuecard.session.SessionStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An hour-long two-channel interview of {@value #QUESTIONS} questions recorded through the real
 * {@link SessionRecorder}, without replaying audio: each question is a shipped template's trigger,
 * each answer one of the practice calibration answers written for that template (strong, mediocre
 * or weak in turn), lower-cased and stripped of punctuation as the recogniser gives it, in
 * utterances of up to 30 words at 150 words/min (a template's three answers follow each other, so
 * the first questions already mix long and short answers). Every fourth question has no stored card (its
 * key points come from the template), as a question whose hint was not stored. Deterministic.
 */
public final class LongInterviewFixture {
    public static final int QUESTIONS = 204;
    private static final String[] SETS = {"/practice/calibration.yaml", "/practice/calibration-heldout.yaml",
            "/practice/calibration-heldout2.yaml"};
    private static final String[] QUALITIES = {"strong", "mediocre", "weak"};

    private LongInterviewFixture() {
    }

    /** One question and the candidate's answer to it. */
    public record Exchange(Template template, String question, String answer) {
    }

    /** The exchanges, in order: {@link #QUESTIONS} of them, over the shipped templates. */
    public static List<Exchange> exchanges(TemplateLibrary library) {
        List<Exchange> pool = new ArrayList<>();
        for (String set : SETS) {
            for (JsonNode a : answers(set)) {
                for (String q : QUALITIES) {
                    library.get(a.get("template").asText()).ifPresent(t -> pool.add(new Exchange(t,
                            recognised(t.triggers().get(0)), recognised(a.get(q).asText()))));
                }
            }
        }
        List<Exchange> out = new ArrayList<>();
        for (int i = 0; out.size() < QUESTIONS; i++) {
            out.add(pool.get(i % pool.size()));
        }
        return out;
    }

    private static JsonNode answers(String resource) {
        try (InputStream in = LongInterviewFixture.class.getResourceAsStream(resource)) {
            return new ObjectMapper(new YAMLFactory()).readTree(in).get("answers");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the recogniser writes it: lower case, words only. */
    static String recognised(String text) {
        return String.join(" ", Arrays.stream(text.toLowerCase(Locale.ROOT).replace("%", " percent")
                .replaceAll("[^a-z0-9' ]+", " ").strip().split("\\s+")).toList());
    }

    /** Records the interview through a real recorder; returns the session id. */
    public static long record(SessionStore store, TemplateLibrary library) {
        return record(store, library, QUESTIONS);
    }

    /** As {@link #record(SessionStore, TemplateLibrary)}, its first {@code questions} questions only. */
    public static long record(SessionStore store, TemplateLibrary library, int questions) {
        List<PipelineEvent> events = new ArrayList<>();
        long at = 1000;
        int id = 0;
        for (Exchange x : exchanges(library).subList(0, questions)) {
            id++;
            long qEnd = at + 250L * x.question().split(" ").length;
            events.add(InterviewFixture.transcript(Channel.THEM, at, qEnd, x.question()));
            DetectedQuestion q = new DetectedQuestion(id, Channel.THEM,
                    InterviewFixture.classification(x.question(), x.template()), qEnd, qEnd, false, false)
                    .startingAt(at);
            events.add(new PipelineEvent.Question(q));
            if (id % 4 != 0) {
                events.add(new PipelineEvent.HintReady(id, InterviewFixture.hint(x.question(), x.template()),
                        Channel.THEM, qEnd + 5));
            }
            at = qEnd + 800;
            String[] words = x.answer().split(" ");
            for (int from = 0; from < words.length; from += 30) {
                String[] part = Arrays.copyOfRange(words, from, Math.min(words.length, from + 30));
                long end = at + 400L * part.length;
                events.add(InterviewFixture.transcript(Channel.ME, at, end, String.join(" ", part)));
                at = end + 300;
            }
            at += 1500;
        }
        events.add(new PipelineEvent.ChannelStatus(Channel.THEM, PipelineEvent.ChannelStatus.State.ENDED, "done", at));
        try (SessionRecorder r = SessionRecorder.start(store, new SessionInfo(SessionKind.REPLAY,
                "long interview", "them.wav", "me.wav", "model-en-us", null))) {
            events.forEach(r::onEvent);
            return r.sessionId();
        }
    }
}
