package dev.cuecard.practice;

import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.Category;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.question.TextNormalizer;
import dev.cuecard.session.debrief.AnswerFeedback;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
import dev.cuecard.session.debrief.AnswerLength;
import dev.cuecard.session.debrief.KeyPointCoverage;
import dev.cuecard.session.debrief.SpeakingMetrics;
import dev.cuecard.session.debrief.StructureCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The offline rubric. Key points, structure, numbers and example phrases come from the debrief's
 * {@link AnswerFeedbackRater} (tolerant of recogniser text); this class turns them, the answer's
 * length, pace and filler words into scores with one suggestion each. The formula is in
 * {@link Dimension} and the README.
 */
public final class AnswerScorer {
    /** Key points an answer must cover for full depth: 60 % of the card's, rounded up. */
    static final double COVERAGE_FOR_FULL = 0.6;
    /**
     * Share of coverage that is the core: whether the answer is on topic and correct at all, i.e.
     * how close it came by meaning to the card's gist or to any one key point (the closest; one
     * misheard item cannot sink it). The rest is depth: how many key points it covered. A correct
     * but shallow answer has the core and little depth; a vague one has neither.
     */
    static final double CORE_SHARE = 0.6;
    /**
     * Words from which the core counts fully: a one-liner that echoes the topic (its words score
     * close to the gist) has not stated it yet, as a few words show too little delivery.
     */
    static final int CORE_WORDS = 30;
    /** A typed answer's length target, 1–2 minutes said at 130 words per minute. */
    static final int TYPED_WORDS_MIN = 130;
    static final int TYPED_WORDS_MAX = 260;
    /** Words from which pace and fillers count fully: a few words show too little delivery to earn them. */
    static final int DELIVERY_WORDS = 50;
    static final double PACE_LOW = 110;
    static final double PACE_HIGH = 170;
    /** Fillers per 100 words at which the filler score reaches 0. */
    static final double FILLERS_AT_ZERO = 8;

    private final AnswerFeedbackRater rater;
    private final AsrVocabulary vocabulary;
    private final Technologies technologies;
    private final TopicRelevance relevance;

    /** Key points by their words only. */
    public AnswerScorer(AsrVocabulary vocabulary) {
        this(vocabulary, new AnswerFeedbackRater(vocabulary));
    }

    public AnswerScorer(AsrVocabulary vocabulary, AnswerFeedbackRater rater) {
        this.rater = rater;
        this.vocabulary = vocabulary;
        this.technologies = Technologies.shipped();
        this.relevance = new TopicRelevance(TemplateLibrary.shipped(), vocabulary);
    }

    /**
     * Key points by meaning, as the live coach ticks them (the embedding model loads at the first
     * score: call from a worker thread); by their words when the model cannot load.
     */
    public static AnswerScorer shipped() {
        return new AnswerScorer(AsrVocabulary.shipped(), AnswerFeedbackRater.semantic());
    }

    /** The rubric before semantic coverage (issue 15's "before" figures). */
    public static AnswerScorer lexical() {
        return new AnswerScorer(AsrVocabulary.shipped());
    }

    public AnswerScore score(Template template, Answer answer) {
        return score(template, answer, rater.rate(answer.text(), template.category(), coverageItems(template)));
    }

    /** One answer to score against its question's template. */
    public record Item(Template template, Answer answer) {
    }

    /**
     * {@link #score} of every item, in order, with the very same scores, sooner: the key points are
     * judged for all of them at once ({@link AnswerFeedbackRater#rateAll}: side by side, and what was
     * measured by meaning is kept in the cache folder, so the same answers again — the next plan or
     * round over the same stored sessions — embed nothing). The rest of the rubric is cheap and is
     * worked out again each time, so no rubric change can be served a stale score.
     */
    public List<AnswerScore> scoreAll(List<Item> items) {
        List<AnswerFeedback> feedback = rater.rateAll(items.stream().map(i -> new AnswerFeedbackRater.Request(
                i.answer().text(), i.template().category(), coverageItems(i.template()))).toList());
        List<AnswerScore> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(score(items.get(i).template(), items.get(i).answer(), feedback.get(i)));
        }
        return out;
    }

    private AnswerScore score(Template template, Answer answer, AnswerFeedback feedback) {
        SpeakingMetrics metrics = answer.metrics();
        List<DimensionScore> dims = new ArrayList<>();
        if (metrics.words() == 0) {
            for (Dimension d : Dimension.values()) {
                dims.add(DimensionScore.of(d, 0, "no answer", "Answer out loud, even briefly: start with your main claim."));
            }
            return new AnswerScore(0, dims, feedback);
        }
        String text = vocabulary.apply(TextNormalizer.normalize(answer.text()));
        double delivery = Math.min(1, metrics.words() / (double) DELIVERY_WORDS);
        // what the answer says counts as far as it is about this question; how it is said (pace, fillers) stands
        double onTopic = relevance.of(template, answer.text());
        dims.add(counted(coverage(feedback, metrics.words()), onTopic, template));
        dims.add(counted(structure(feedback, template.category()), onTopic, template));
        dims.add(counted(specificity(feedback, technologies.in(text), template.category()), onTopic, template));
        dims.add(counted(answer.spoken() ? length(metrics, feedback.structure())
                : typedLength(metrics.words(), feedback.structure()), onTopic, template));
        dims.add(answer.spoken() ? pace(metrics, delivery) : DimensionScore.notMeasured(Dimension.PACE, "typed answer"));
        dims.add(fillers(metrics, delivery));
        return new AnswerScore(AnswerScore.total(dims), dims, feedback);
    }

    /**
     * A dimension of an answer partly or wholly about another topic ({@link TopicRelevance}), counted in
     * that proportion and saying so; the coverage advice then points back to the question's core.
     */
    static DimensionScore counted(DimensionScore d, double onTopic, Template template) {
        if (onTopic >= 1 || d.score().isEmpty()) {
            return d;
        }
        // advice on the shape of an answer that counted for nothing ("the shape is there") would read as praise
        String suggestion = d.dimension() == Dimension.COVERAGE
                ? "Answer the question asked; its core: " + template.card().gist().replaceAll("[.\\s]+$", "") + "."
                : onTopic == 0 ? "Counts once the answer is about the question asked." : d.suggestion();
        // said in full once, on the first row; the others only say how much counted
        String why = d.dimension() == Dimension.COVERAGE ? ": the answer is mostly about another topic" : " (off topic)";
        return DimensionScore.of(d.dimension(), d.score().get() * onTopic, d.finding() + String.format(Locale.ROOT,
                "; counted at %.0f %%", onTopic * 100) + why, suggestion);
    }

    /**
     * The template's gist (the core of a strong answer) and then its key points: a shallow but
     * correct answer gets the gist and little else.
     */
    static List<String> coverageItems(Template t) {
        List<String> items = new ArrayList<>();
        items.add(t.card().gist());
        items.addAll(t.card().keyPoints());
        return items;
    }

    /**
     * Core × {@link #CORE_SHARE} plus depth × the rest. Core: the closest the answer came by
     * meaning to the gist or any key point ({@link AnswerFeedbackRater#closeness}), × min(1, words /
     * {@link #CORE_WORDS}). Depth: the key points' credit / ⌈60 % of the key points⌉, capped at 1.
     */
    static DimensionScore coverage(AnswerFeedback f, int words) {
        int all = f.keyPoints().size();
        if (all == 0) {
            return DimensionScore.notMeasured(Dimension.COVERAGE, "the template lists no key points");
        }
        double core = f.keyPoints().stream().mapToDouble(AnswerFeedbackRater::closeness).max().orElse(0)
                * Math.min(1, words / (double) CORE_WORDS);
        List<KeyPointCoverage> depthPoints = f.keyPoints().subList(1, all);
        double score;
        if (depthPoints.isEmpty()) {
            score = core;
        } else {
            double credit = depthPoints.stream().mapToDouble(KeyPointCoverage::credit).sum();
            int needed = (int) Math.ceil(COVERAGE_FOR_FULL * depthPoints.size());
            score = CORE_SHARE * core + (1 - CORE_SHARE) * Math.min(1, credit / needed);
        }
        // a key point's own full stop would double the suggestion's ("purges..")
        String missed = f.keyPoints().stream().filter(k -> !k.covered()).map(k -> k.keyPoint().replaceAll("[.\\s]+$", ""))
                .findFirst().orElse(null);
        String suggestion = missed == null
                ? "Every key point was there; keep them, and lead with the most important one."
                : "Cover this point too: " + missed + ".";
        // the first item is the gist, not a key point: counted apart, as the debrief counts key points
        long points = f.keyPoints().subList(1, all).stream().filter(KeyPointCoverage::covered).count();
        boolean gist = f.keyPoints().get(0).covered();
        String finding = all == 1 ? (gist ? "the gist stated" : "the gist not stated")
                : points + " of " + (all - 1) + " key points" + (gist ? ", the gist stated" : "");
        return DimensionScore.of(Dimension.COVERAGE, score, finding, suggestion);
    }

    static DimensionScore structure(AnswerFeedback f, Category category) {
        StructureCheck s = f.structure();
        double found = 0;
        for (StructureCheck.Part p : s.parts()) {
            // a STAR result only fully counts when it is measurable
            boolean unmeasuredResult = category == Category.BEHAVIORAL && p.name().equals("result") && f.numbers().isEmpty();
            found += p.found() ? (unmeasuredResult ? 0.5 : 1) : 0;
        }
        double score = found / s.parts().size() * (s.inOrder() ? 1 : 0.85);
        List<String> missing = s.missing();
        String suggestion;
        if (!missing.isEmpty()) {
            suggestion = structureAdvice(missing.get(0));
        } else if (category == Category.BEHAVIORAL && f.numbers().isEmpty()) {
            suggestion = "Make the result measurable: a number, a percentage or a before/after.";
        } else if (!s.inOrder()) {
            suggestion = "Keep the order " + s.shape() + ": the listener follows a claim first, then why.";
        } else {
            suggestion = "The shape " + s.shape() + " is there; keep each part to two or three sentences.";
        }
        return DimensionScore.of(Dimension.STRUCTURE, score, s.shape() + (missing.isEmpty() ? " complete"
                : ", missing " + String.join(", ", missing)), suggestion);
    }

    private static String structureAdvice(String part) {
        return switch (part) {
            case "claim" -> "Open with your answer in one sentence (\"I would use…\") before explaining.";
            case "reasoning" -> "Say why: follow the claim with \"because…\" and the mechanism behind it.";
            case "trade-off" -> "Name the trade-off: what your choice costs and when the alternative wins (\"the downside is…\").";
            case "situation" -> "Set the scene in one sentence: where you were and what was at stake.";
            case "task" -> "Say what you were responsible for (\"my job was to…\").";
            case "action" -> "Say what you did yourself, in the first person (\"I proposed…, I built…\").";
            case "result" -> "End with the result and a number (\"latency fell from 2 s to 300 ms\") and what you learned.";
            default -> "Add the missing part: " + part + ".";
        };
    }

    static DimensionScore specificity(AnswerFeedback f, Set<String> techs, Category category) {
        Set<String> numbers = new LinkedHashSet<>(f.numbers());
        double score = 0.2 * Math.min(2, numbers.size()) + 0.15 * Math.min(2, techs.size())
                + (f.examples().isEmpty() ? 0 : 0.3);
        String finding = numbers.size() + " figure(s), " + techs.size() + " named technolog" + (techs.size() == 1 ? "y" : "ies")
                + ", " + (f.examples().isEmpty() ? "no example" : "an example");
        String suggestion;
        if (numbers.isEmpty()) {
            suggestion = "Attach a number to your main claim: a latency, a rate, a size or a percentage.";
        } else if (f.examples().isEmpty()) {
            suggestion = "Add a concrete example: \"for example, at my last job…\".";
        } else if (techs.isEmpty() && category != Category.BEHAVIORAL) {
            suggestion = "Name the tools you would use (e.g. Redis, Postgres, Kafka) instead of generic terms.";
        } else {
            suggestion = "Specific enough; keep one figure per claim.";
        }
        return DimensionScore.of(Dimension.SPECIFICITY, score, finding, suggestion);
    }

    /**
     * Too short: the advice names what the structure check found missing, never a part the answer
     * already has (it once said "add one trade-off" beside a structure that had found it).
     */
    static DimensionScore length(SpeakingMetrics m, StructureCheck structure) {
        double s = m.spanMs() / 1000.0;
        double min = AnswerLength.TARGET_MIN_MS / 1000.0;
        double max = AnswerLength.TARGET_MAX_MS / 1000.0;
        double score = s < min ? s / min : s > max ? 1 - (s - max) / max : 1;
        String finding = String.format(Locale.ROOT, "%.0f s", s);
        String suggestion = s < min ? "Too short for a real answer: aim for 1–2 minutes; " + (structure.missing().isEmpty()
                ? "develop each part with an example or a number." : "add the " + String.join(" and the ",
                structure.missing()) + ".")
                : s > max ? "Too long: stop after the " + (structure.parts().isEmpty() ? "main point"
                : structure.parts().get(structure.parts().size() - 1).name()) + "; aim for under 2 minutes and let them ask."
                : "Length on target (1–2 minutes).";
        return DimensionScore.of(Dimension.LENGTH, score, finding, suggestion);
    }

    /**
     * A typed answer has no duration: its length is its words against 1–2 minutes said at 130
     * words per minute ({@link #TYPED_WORDS_MIN}–{@link #TYPED_WORDS_MAX} words), with the same
     * shape and advice as a spoken answer's seconds.
     */
    static DimensionScore typedLength(int words, StructureCheck structure) {
        double score = words < TYPED_WORDS_MIN ? words / (double) TYPED_WORDS_MIN
                : words > TYPED_WORDS_MAX ? 1 - (words - TYPED_WORDS_MAX) / (double) TYPED_WORDS_MAX : 1;
        String finding = words + " words";
        String suggestion = words < TYPED_WORDS_MIN ? "Too short for a real answer: aim for 1–2 minutes (about "
                + TYPED_WORDS_MIN + "–" + TYPED_WORDS_MAX + " words); " + (structure.missing().isEmpty()
                ? "develop each part with an example or a number." : "add the " + String.join(" and the ",
                structure.missing()) + ".")
                : words > TYPED_WORDS_MAX ? "Too long: stop after the " + (structure.parts().isEmpty() ? "main point"
                : structure.parts().get(structure.parts().size() - 1).name()) + "; aim for under " + TYPED_WORDS_MAX
                + " words (2 minutes said) and let them ask."
                : "Length on target (1–2 minutes said, " + TYPED_WORDS_MIN + "–" + TYPED_WORDS_MAX + " words).";
        return DimensionScore.of(Dimension.LENGTH, score, finding, suggestion);
    }

    static DimensionScore pace(SpeakingMetrics m, double delivery) {
        double wpm = m.wordsPerMinute();
        double score = wpm < PACE_LOW ? (wpm - 60) / (PACE_LOW - 60) : wpm > PACE_HIGH ? 1 - (wpm - PACE_HIGH) / 80 : 1;
        String finding = String.format(Locale.ROOT, "%.0f words per minute", wpm);
        String suggestion = wpm < PACE_LOW ? "Speak a little faster or cut pauses: aim for 120–160 words per minute."
                : wpm > PACE_HIGH ? "Slow down: pause after each point; aim for 120–160 words per minute."
                : "Pace is comfortable to follow.";
        return DimensionScore.of(Dimension.PACE, Math.max(0, score) * delivery, finding, suggestion);
    }

    static DimensionScore fillers(SpeakingMetrics m, double delivery) {
        double per100 = m.fillersPer100Words();
        String top = m.fillers().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        String finding = String.format(Locale.ROOT, "%d filler word(s), %.1f per 100 words", m.fillerCount(), per100)
                // a few clean words earn only part of the score: said, or "0 fillers" beside 5/10 reads as a mistake
                + (delivery < 1 ? String.format(Locale.ROOT, "; scored on %d words, part of the %d a full answer has",
                        m.words(), DELIVERY_WORDS) : "");
        String suggestion = top == null ? "No filler words; a short silent pause works better than any filler."
                : "Replace \"" + top + "\" with a silent pause (said " + m.fillers().get(top) + "×).";
        return DimensionScore.of(Dimension.FILLERS, (1 - per100 / FILLERS_AT_ZERO) * delivery, finding, suggestion);
    }
}
