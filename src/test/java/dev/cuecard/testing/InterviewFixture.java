package dev.cuecard.testing;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.asr.TranscriptKind;
import dev.cuecard.asr.Word;
import dev.cuecard.audio.Channel;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintSource;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.Category;
import dev.cuecard.question.Classification;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateCard;
import dev.cuecard.session.SessionInfo;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionRecorder;
import dev.cuecard.session.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A two-question interview as pipeline events with exact word timings, so analytics can be
 * checked by hand: Q1 (caching, decided early on a partial) answered in two 30 s utterances
 * (63 + 31 words, 4 + 1 fillers) spanning 66 s; Q2 (behavioural) answered in 10 s (30 words, 1 filler).
 */
public final class InterviewFixture {
    public static final String Q1 = "how would you design a cache for a product catalog";
    public static final String Q2 = "tell me about a time you disagreed with a teammate";
    public static final String A1_PART1 = "um i would use a read through cache in front of the catalog database because "
            + "reads outnumber writes by far so that most requests never touch the database you know the hit rate should "
            + "reach like ninety percent and i'd like to set a ttl of five minutes with invalidation on writes um the "
            + "trade off is stale prices for a few minutes";
    public static final String A1_PART2 = "basically at my last job we had the same problem and we reduced database load "
            + "by eighty percent for example the product page went from two hundred milliseconds to forty milliseconds";
    public static final String A2 = "uh when i was at my last company we had a conflict about the api design so i set up "
            + "a meeting and as a result we shipped on time";
    public static final List<String> CACHE_KEY_POINTS = List.of("Read-through cache in front of the database",
            "Invalidation or TTL for stale data", "Hit rate and eviction policy", "Thundering herd protection");

    private InterviewFixture() {
    }

    public static Template cacheTemplate() {
        return new Template("caching.read-through", Category.CACHING, "Caching a read-heavy service", List.of(Q1),
                List.of("cache"), new TemplateCard("Cache reads, bound staleness, protect the database.",
                List.of("Claim", "Reasoning", "Trade-off"), CACHE_KEY_POINTS, List.of("hit rate 90 %"),
                List.of("Forgetting invalidation"), List.of("What if the cache goes down?")), "test");
    }

    public static Template conflictTemplate() {
        return new Template("behavioral.conflict", Category.BEHAVIORAL, "Conflict with a teammate", List.of(Q2),
                List.of("conflict"), new TemplateCard("Tell it as STAR; end with what you learned.",
                List.of("Situation", "Task", "Action", "Result"), List.of("Listened to the other side",
                "Agreed on data to decide", "Outcome and what you learned"), List.of(), List.of("Blaming"), List.of()),
                "test");
    }

    public static List<PipelineEvent> events() {
        List<PipelineEvent> e = new ArrayList<>();
        Template cache = cacheTemplate();
        Template conflict = conflictTemplate();
        e.add(new PipelineEvent.Transcript(new TranscriptEvent(Channel.THEM, TranscriptKind.PARTIAL,
                "how would you design a cache", 0, 1800, 2000, List.of())));
        // decided on a partial: the tracker says where the speech began
        DetectedQuestion q1 = new DetectedQuestion(1, Channel.THEM, classification(Q1, cache), 2000, 1800, true, false)
                .startingAt(200);
        e.add(new PipelineEvent.Question(q1));
        e.add(new PipelineEvent.HintReady(1, hint(Q1, cache), Channel.THEM, 2000));
        e.add(new PipelineEvent.Level(new dev.cuecard.audio.AudioLevel(Channel.THEM, 0.1, 0.2, 2100)));
        e.add(transcript(Channel.THEM, 200, 3000, Q1));
        e.add(new PipelineEvent.Transcript(new TranscriptEvent(Channel.ME, TranscriptKind.PARTIAL, "um i would",
                4000, 5000, 5100, List.of())));
        e.add(transcript(Channel.ME, 4000, 34000, A1_PART1));
        e.add(transcript(Channel.ME, 40000, 70000, A1_PART2));
        e.add(new PipelineEvent.Transcript(new TranscriptEvent(Channel.THEM, TranscriptKind.PARTIAL, "tell me",
                76000, 80600, 81000, List.of())));
        e.add(transcript(Channel.THEM, 80000, 83000, Q2));
        DetectedQuestion q2 = new DetectedQuestion(2, Channel.THEM, classification(Q2, conflict), 83500, 83000, false,
                false).startingAt(80000);
        e.add(new PipelineEvent.Question(q2));
        e.add(new PipelineEvent.HintReady(2, hint(Q2, conflict), Channel.THEM, 83500));
        e.add(transcript(Channel.ME, 85000, 95000, A2));
        e.add(new PipelineEvent.ChannelStatus(Channel.THEM, PipelineEvent.ChannelStatus.State.ENDED, "done", 96000));
        return e;
    }

    /** Records the fixture through a real recorder; returns the session id. */
    public static long record(SessionStore store) {
        try (SessionRecorder r = SessionRecorder.start(store, new SessionInfo(SessionKind.DEMO, "fixture interview",
                "them.wav", "me.wav", "model-en-us", null))) {
            events().forEach(r::onEvent);
            return r.sessionId();
        }
    }

    public static Classification classification(String text, Template t) {
        return new Classification(text, true, t.category(), Optional.of(t), 0.9, 1.0);
    }

    public static Hint hint(String question, Template t) {
        TemplateCard c = t.card();
        return new Hint(question, t.category(), t.id(), HintSource.TEMPLATE, t.title(), c.gist(), c.structure(),
                c.keyPoints(), c.numbers(), c.pitfalls(), c.followUps());
    }

    /** A final result whose words share [startMs, endMs] evenly, back to back. */
    public static PipelineEvent transcript(Channel channel, long startMs, long endMs, String text) {
        String[] words = text.split(" ");
        long step = (endMs - startMs) / words.length;
        List<Word> timed = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            long s = startMs + i * step;
            timed.add(new Word(words[i], s, i == words.length - 1 ? endMs : s + step, 1.0));
        }
        return new PipelineEvent.Transcript(new TranscriptEvent(channel, TranscriptKind.FINAL, text, startMs, endMs,
                endMs + 500, timed));
    }
}
