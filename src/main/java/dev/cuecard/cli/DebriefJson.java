package dev.cuecard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuecard.session.SearchHit;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionRecord;
import dev.cuecard.session.SessionStatus;
import dev.cuecard.session.SessionSummary;
import dev.cuecard.session.StoredHint;
import dev.cuecard.session.Utterance;
import dev.cuecard.session.debrief.AnswerReview;
import dev.cuecard.session.debrief.Debrief;
import dev.cuecard.session.debrief.KeyPointCoverage;
import dev.cuecard.session.debrief.SessionAnalytics;
import dev.cuecard.session.debrief.SpeakingMetrics;
import java.time.Instant;
import java.util.Optional;

/** The JSON shapes of {@code debrief --json}. */
final class DebriefJson {
    private DebriefJson() {
    }

    /** The fields a session starts with, in the list and in the whole debrief alike. */
    private static ObjectNode session(long id, SessionKind kind, SessionStatus status, Instant startedAt,
                                      Optional<Instant> endedAt, String title) {
        ObjectNode n = EventJson.JSON.createObjectNode();
        n.put("id", id);
        n.put("kind", kind.id());
        n.put("status", status.id());
        n.put("startedAt", startedAt.toString());
        n.put("endedAt", endedAt.map(Object::toString).orElse(null));
        n.put("title", title);
        return n;
    }

    /** A stopped session's {@code "heardMs"} and {@code "recordingMs"} (null when not known). */
    private static void stopped(ObjectNode n, java.util.Optional<dev.cuecard.session.StoppedAt> stopped) {
        stopped.ifPresent(st -> {
            n.put("heardMs", st.heardMs());
            if (st.recordingMs().isPresent()) {
                n.put("recordingMs", st.recordingMs().getAsLong());
            } else {
                n.putNull("recordingMs");
            }
        });
    }

    static String summary(SessionSummary s) {
        ObjectNode n = session(s.id(), s.kind(), s.status(), s.startedAt(), s.endedAt(), s.title());
        n.put("questions", s.questions());
        n.put("utterances", s.utterances());
        n.put("audioMs", s.audioMs());
        n.put("lostWrites", s.lostWrites());
        stopped(n, s.stopped());
        return EventJson.write(n);
    }

    static String hit(SearchHit h) {
        ObjectNode n = EventJson.JSON.createObjectNode();
        n.put("sessionId", h.sessionId());
        n.put("sessionStartedAt", h.sessionStartedAt().toString());
        n.put("kind", h.kind());
        n.put("channel", h.channel());
        n.put("atMs", h.atMs());
        n.put("text", h.text());
        n.put("snippet", h.snippet());
        return EventJson.write(n);
    }

    static String debrief(Debrief d) {
        SessionRecord s = d.detail().session();
        ObjectNode n = session(s.id(), s.kind(), s.status(), s.startedAt(), s.endedAt(), s.title());
        n.put("themDevice", s.themDevice());
        n.put("meDevice", s.meDevice());
        n.put("speechModel", s.speechModel());
        n.put("lostWrites", s.lostWrites());
        n.put("storageProblem", s.storageProblem());
        stopped(n, s.stopped());
        ObjectNode llm = n.putObject("llm");
        llm.put("model", s.llmModel());
        llm.put("inputTokens", s.llmInputTokens());
        llm.put("outputTokens", s.llmOutputTokens());
        llm.put("costUsd", s.llmCostUsd());
        n.put("note", s.note());
        analytics(n.putObject("analytics"), d.analytics());
        ArrayNode questions = n.putArray("questions");
        for (AnswerReview a : d.answers()) {
            answer(questions.addObject(), a);
        }
        ArrayNode utterances = n.putArray("utterances");
        for (Utterance u : d.transcript()) {
            ObjectNode un = utterances.addObject();
            un.put("channel", u.channel().id());
            un.put("startMs", u.startMs());
            un.put("endMs", u.endMs());
            un.put("text", u.text());
        }
        return EventJson.write(n);
    }

    private static void analytics(ObjectNode n, SessionAnalytics a) {
        metrics(n, a.me());
        n.put("talkMeMs", a.talk().meMs());
        n.put("talkThemMs", a.talk().themMs());
        // typed practice answers have no speaking time: no share of the talking either
        n.put("meShare", a.me().typedOnly() ? null : round(a.talk().meShare()));
        n.put("answered", a.answered());
        n.put("onTarget", a.onTarget());
    }

    private static void metrics(ObjectNode n, SpeakingMetrics m) {
        n.put("words", m.words());
        n.put("speakingMs", m.speakingMs());
        n.put("wordsPerMinute", m.typedOnly() ? null : round(m.wordsPerMinute()));
        n.put("typedWords", m.typedWords());
        n.put("fillerCount", m.fillerCount());
        ObjectNode f = n.putObject("fillers");
        m.fillers().forEach(f::put);
    }

    private static void answer(ObjectNode n, AnswerReview a) {
        n.put("number", a.number());
        n.put("questionId", a.question().id());
        n.put("text", a.question().text());
        n.put("category", a.question().category().id());
        n.put("template", a.question().templateId());
        n.put("confidence", round(a.question().confidence()));
        n.put("startMs", a.question().startMs());
        ArrayNode hints = n.putArray("hints");
        for (StoredHint h : a.hints()) {
            ObjectNode hn = hints.addObject();
            hn.put("source", h.source());
            hn.put("title", h.hint().title());
            hn.put("gist", h.hint().gist());
            hn.put("shownMs", h.shownMs());
            hn.put("latencyMs", h.latencyMs().orElse(null));
        }
        ObjectNode an = n.putObject("answer");
        an.put("text", a.answerText());
        metrics(an, a.metrics());
        an.put("lengthMs", a.metrics().typedOnly() ? null : a.metrics().spanMs());
        an.put("length", a.length().name().toLowerCase(java.util.Locale.ROOT));
        a.practiceScore().ifPresent(s -> an.put("practiceScore", s));
        ObjectNode fn = n.putObject("feedback");
        ArrayNode kps = fn.putArray("keyPoints");
        for (KeyPointCoverage k : a.feedback().keyPoints()) {
            kps.addObject().put("keyPoint", k.keyPoint()).put("covered", k.covered());
        }
        ObjectNode st = fn.putObject("structure");
        st.put("shape", a.feedback().structure().shape());
        st.put("complete", a.feedback().structure().complete());
        a.feedback().structure().missing().forEach(st.putArray("missing")::add);
        a.feedback().numbers().forEach(fn.putArray("numbers")::add);
        a.feedback().examples().forEach(fn.putArray("examples")::add);
        if (a.live().recorded()) {
            ObjectNode live = n.putObject("live");
            ArrayNode ticked = live.putArray("covered");
            a.live().ticked().forEach(c -> ticked.addObject().put("point", c.point()).put("atMs", c.atMs()));
            a.live().end().ifPresent(e -> {
                live.put("durationMs", e.durationMs());
                live.put("wordsPerMinute", Math.round(e.wordsPerMinute() * 10) / 10.0);
                live.put("fillers", e.fillers());
                e.followUp().ifPresent(f -> live.put("followUp", f));
            });
        }
        n.put("note", a.question().note());
        n.put("rating", a.question().rating().orElse(null));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
