package dev.cuecard.cli;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.asr.Word;
import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.PipelineEvent;
import java.util.Optional;

/** The JSON-lines shapes of the CLI contract. */
final class EventJson {
    /** Escapes beyond JSON's own: {@link JsonTextEscapes}. */
    static final ObjectMapper JSON = new ObjectMapper(
            new JsonFactoryBuilder().characterEscapes(new JsonTextEscapes()).build());

    private EventJson() {
    }

    /** transcribe --json: {"startMs","endMs","text"}. */
    static String segment(TranscriptEvent e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("startMs", e.startMs());
        n.put("endMs", e.endMs());
        n.put("text", e.text());
        return write(n);
    }

    /** replay --json: {"type","atMs",...}; levels are not part of the stream. */
    static Optional<String> event(PipelineEvent event) {
        return node(event, false).map(EventJson::write);
    }

    /**
     * listen --json and replay --json: as {@link #event(PipelineEvent)} with {@code "epochMs"} (wall
     * clock, ms since 1970, when the event was emitted) right after {@code "atMs"}, so latency can be
     * measured from outside — live against the moment the audio was played, a paced replay on the
     * same clock (atMs alone hides a recognizer running behind). A channel's {@code started} status
     * is included: its epochMs is when that channel's audio position 0 was read.
     */
    static Optional<String> timedEvent(PipelineEvent event, long epochMs) {
        return node(event, true).map(n -> {
            ObjectNode out = JSON.createObjectNode();
            n.fields().forEachRemaining(f -> {
                out.set(f.getKey(), f.getValue());
                if (f.getKey().equals("atMs")) {
                    out.put("epochMs", epochMs);
                }
            });
            return write(out);
        });
    }

    private static Optional<ObjectNode> node(PipelineEvent event, boolean started) {
        if (event instanceof PipelineEvent.Transcript t) {
            TranscriptEvent e = t.event();
            ObjectNode n = header(e.isFinal() ? "final" : "partial", e.atMs(), e.channel());
            n.put("text", e.text());
            n.put("startMs", e.startMs());
            n.put("endMs", e.endMs());
            if (!e.terms().isEmpty()) {
                // domain terms the keyword spotter heard (what the classifier read beside the text)
                ArrayNode terms = n.putArray("terms");
                e.terms().forEach(terms::add);
            }
            if (!e.alternatives().isEmpty()) {
                // the recogniser's other readings of the same audio, most likely first
                ArrayNode alternatives = n.putArray("alternatives");
                e.alternatives().forEach(alternatives::add);
            }
            if (e.isFinal()) {
                ArrayNode words = n.putArray("words");
                for (Word w : e.words()) {
                    ObjectNode wn = words.addObject();
                    wn.put("word", w.text());
                    wn.put("startMs", w.startMs());
                    wn.put("endMs", w.endMs());
                    wn.put("conf", Math.round(w.confidence() * 1000) / 1000.0);
                }
            }
            return Optional.of(n);
        }
        if (event instanceof PipelineEvent.Question q) {
            return Optional.of(HintJson.questionEvent(q.question()));
        }
        if (event instanceof PipelineEvent.QuestionHeard q) {
            ObjectNode n = header("question_heard", q.atMs(), q.channel());
            n.put("questionId", q.question().id());
            n.put("text", q.question().text());
            if (q.question().startMs() >= 0) {
                n.put("speechStartMs", q.question().startMs());
            }
            n.put("speechEndMs", q.question().speechEndMs());
            return Optional.of(n);
        }
        if (event instanceof PipelineEvent.HintReady h) {
            ObjectNode n = header("hint", h.atMs(), h.channel());
            n.put("questionId", h.questionId());
            HintJson.fillHint(n, h.hint());
            return Optional.of(n);
        }
        if (event instanceof PipelineEvent.HintUpdate u) {
            ObjectNode n = header("hint_update", u.atMs(), u.channel());
            n.put("questionId", u.questionId());
            n.put("complete", u.complete());
            HintJson.fillHint(n, u.hint());
            u.usage().ifPresent(t -> {
                ObjectNode usage = n.putObject("usage");
                usage.put("inputTokens", t.inputTokens());
                usage.put("outputTokens", t.outputTokens());
            });
            return Optional.of(n);
        }
        if (event instanceof PipelineEvent.TextSent t) {
            ObjectNode n = header("sent", t.atMs(), t.channel());
            n.put("questionId", t.questionId());
            n.put("destination", t.destination());
            n.put("offMachine", t.offMachine());
            return Optional.of(n);
        }
        if (event instanceof PipelineEvent.LlmStatus s) {
            ObjectNode n = header("llm_status", s.atMs(), s.channel());
            n.put("questionId", s.questionId());
            n.put("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
            n.put("message", s.message());
            return Optional.of(n);
        }
        if (event instanceof PipelineEvent.Coverage c) {
            ObjectNode n = header("coverage", c.atMs(), c.channel());
            n.put("questionId", c.questionId());
            n.put("point", c.point());
            return Optional.of(n);
        }
        if (event instanceof PipelineEvent.AnswerEnd a) {
            ObjectNode n = header("answer_end", a.atMs(), a.channel());
            n.put("questionId", a.questionId());
            n.put("durationMs", a.durationMs());
            n.put("wordsPerMinute", Math.round(a.wordsPerMinute() * 10) / 10.0);
            n.put("fillers", a.fillers());
            ArrayNode covered = n.putArray("covered");
            a.covered().forEach(covered::add);
            ArrayNode missed = n.putArray("missed");
            a.missed().forEach(missed::add);
            a.likelyFollowUp().ifPresent(f -> n.put("followUp", f));
            return Optional.of(n);
        }
        if (event instanceof PipelineEvent.ChannelStatus s
                && (started || s.state() != PipelineEvent.ChannelStatus.State.STARTED)
                && s.state() != PipelineEvent.ChannelStatus.State.ENDED) {
            ObjectNode n = header("status", s.atMs(), s.channel());
            n.put("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
            n.put("message", s.message());
            return Optional.of(n);
        }
        return Optional.empty();
    }

    /** The fields every event starts with. */
    private static ObjectNode header(String type, long atMs, Channel channel) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", type);
        n.put("atMs", atMs);
        n.put("channel", channel.id());
        return n;
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
