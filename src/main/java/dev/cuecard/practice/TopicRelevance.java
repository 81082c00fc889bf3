package dev.cuecard.practice;

import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.Category;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.question.TopicClassifier;
import dev.cuecard.question.TopicMatch;
import java.util.List;

/**
 * How far an answer is about its question: the topic index's score of the question's template for
 * the answer's words, against the best-scoring template's. A well-shaped answer to another question
 * ("token bucket in Redis" to a deadlock question) shares its topic words with another template and
 * reads near 0; an answer on the topic, however shallow, names the template's own words (on the
 * practice calibration sets, answers to the question read ≥ 0.3 in all but a few, answers written
 * for another category ≤ 0.15 in most). Lexical on purpose: by meaning, a long answer always comes
 * close to some key point (BENCHMARKS.md, practice scoring). Not for behavioural questions: a true story
 * is told in the words of its project ("we migrated our payments database…"), which name technical
 * templates — stories about a failure and a conflict read 0.31 and 0.04.
 */
final class TopicRelevance {
    /** A ratio at or below this reads as off the question (0); from {@link #ON_FROM}, on it (1); linear between. */
    static final double OFF_BELOW = 0.1;
    static final double ON_FROM = 0.3;

    private final TemplateLibrary library;
    private final AsrVocabulary vocabulary;
    private TopicClassifier topics;

    TopicRelevance(TemplateLibrary library, AsrVocabulary vocabulary) {
        this.library = library;
        this.vocabulary = vocabulary;
    }

    /** 0–1; 1 for a behavioural question, and for a template this library does not know (a user's own). */
    double of(Template template, String answer) {
        if (template.category() == Category.BEHAVIORAL || library.get(template.id()).isEmpty()) {
            return 1;
        }
        List<TopicMatch> ranked = topics().rank(answer);
        if (ranked.isEmpty()) {
            return 0;
        }
        double own = ranked.stream().filter(m -> m.template().id().equals(template.id()))
                .mapToDouble(TopicMatch::score).findFirst().orElse(0);
        double ratio = own / ranked.get(0).score();
        return Math.max(0, Math.min(1, (ratio - OFF_BELOW) / (ON_FROM - OFF_BELOW)));
    }

    /** Built at the first answer (~0.15 s), off the FX thread as scoring is. */
    private synchronized TopicClassifier topics() {
        if (topics == null) {
            topics = new TopicClassifier(library, vocabulary);
        }
        return topics;
    }
}
