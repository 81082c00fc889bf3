package dev.cuecard.practice;

import dev.cuecard.question.Category;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.SessionSummary;
import dev.cuecard.session.StoredScore;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
import dev.cuecard.session.debrief.AnswerLength;
import dev.cuecard.session.debrief.AnswerReview;
import dev.cuecard.session.debrief.DebriefBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Past scores: practice answers as stored, and the answers of live sessions and replays scored
 * with the same rubric when the history is loaded (their debriefs store no score). Their key points
 * are judged {@link #BLOCK} answers of a session at a time ({@link AnswerScorer#scoreAll}): what was
 * measured by meaning is kept in the data folder's cache (numbers only, cleared by {@code debrief
 * delete}), so a second plan or round over the same sessions embeds nothing and scores exactly the same.
 */
public final class PracticeHistory {
    /** Live sessions scored on load, newest first; older ones say little about today's weak topics. */
    static final int LIVE_SESSIONS = 30;
    /**
     * And at most this many of their answers: each is judged by meaning (~0.1 s here) unless kept from
     * an earlier load, so a few hour-long interviews (1,400 answers) held up every plan and round for
     * 2.5 minutes.
     */
    static final int LIVE_ANSWERS = 100;
    /**
     * A session's answers are judged by meaning in blocks of this many, counted from its last answer,
     * and each block's numbers are kept ({@link AnswerScorer#scoreAll}): when a new interview moves the
     * budget's cut within an older session, that session's blocks are still the same and found again
     * (one block of the answers it took, judged whole, if the budget stopped inside it).
     */
    static final int BLOCK = 20;

    /** One scored answer. */
    public record Entry(Category category, String templateId, double total, Instant at, SessionKind kind) {
    }

    /** A category's average score on one day. */
    public record Point(LocalDate day, double average, int answers) {
    }

    private final List<Entry> entries;

    public PracticeHistory(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static PracticeHistory empty() {
        return new PracticeHistory(List.of());
    }

    public static PracticeHistory load(SessionStore store, TemplateLibrary templates, AnswerScorer scorer) {
        return load(store, templates, scorer, LIVE_ANSWERS, BLOCK);
    }

    static PracticeHistory load(SessionStore store, TemplateLibrary templates, AnswerScorer scorer, int liveAnswers,
                                int block) {
        List<Entry> out = new ArrayList<>();
        for (StoredScore s : store.scores()) {
            out.add(new Entry(s.category(), s.templateId(), s.total(), s.scoredAt(), s.kind()));
        }
        DebriefBuilder debriefs = new DebriefBuilder(AnswerFeedbackRater.shipped(), templates);
        List<SessionSummary> live = store.list().stream().filter(s -> s.kind() != SessionKind.PRACTICE)
                .filter(s -> s.questions() > 0).limit(LIVE_SESSIONS).toList();
        int budget = liveAnswers;
        for (SessionSummary s : live) {
            if (budget <= 0) {
                break;
            }
            Optional<dev.cuecard.session.debrief.Debrief> d = store.load(s.id()).map(debriefs::build);
            if (d.isEmpty()) {
                continue;
            }
            List<AnswerReview> answers = d.get().answers();
            // the session's answers, latest first: only its latest ones when only some fit the budget
            List<AnswerScorer.Item> items = new ArrayList<>();
            for (int i = answers.size() - 1; i >= 0; i--) {
                AnswerReview a = answers.get(i);
                Optional<Template> t = Optional.ofNullable(a.question().templateId()).flatMap(templates::get);
                if (t.isPresent() && a.length() != AnswerLength.NO_ANSWER) {
                    items.add(new AnswerScorer.Item(t.get(), Answer.spoken(a.answer())));
                }
            }
            int taken = Math.min(budget, items.size());
            budget -= taken;
            // judged in whole blocks counted from the session's last answer (the last block's unused
            // answers too), so the kept numbers are found again whichever answer the budget stops at
            int judged = Math.min(items.size(), (taken + block - 1) / block * block);
            List<AnswerScore> scores = new ArrayList<>();
            for (int from = 0; from < judged; from += block) {
                scores.addAll(scorer.scoreAll(items.subList(from, Math.min(judged, from + block))));
            }
            for (int i = 0; i < taken; i++) {
                Template t = items.get(i).template();
                out.add(new Entry(t.category(), t.id(), scores.get(i).total(), s.startedAt(), s.kind()));
            }
        }
        out.sort(Comparator.comparing(Entry::at));
        return new PracticeHistory(out);
    }

    public List<Entry> entries() {
        return entries;
    }

    public Map<Category, Double> averageByCategory() {
        Map<Category, double[]> sums = new EnumMap<>(Category.class);
        for (Entry e : entries) {
            double[] s = sums.computeIfAbsent(e.category(), c -> new double[2]);
            s[0] += e.total();
            s[1]++;
        }
        Map<Category, Double> out = new EnumMap<>(Category.class);
        sums.forEach((c, s) -> out.put(c, s[0] / s[1]));
        return out;
    }

    /** Categories with scores, lowest average first (ties: fewer answers first). */
    public List<Category> weakest() {
        Map<Category, Double> avg = averageByCategory();
        return avg.keySet().stream().sorted(Comparator.comparingDouble((Category c) -> avg.get(c))
                .thenComparingLong(c -> entries.stream().filter(e -> e.category() == c).count())).toList();
    }

    /**
     * What a drill on the weakest categories will drill, in a line: the drilled categories with their
     * averages and the next weakest, or that there are no past scores yet (a mixed drill).
     */
    public String drillNote() {
        Map<Category, Double> averages = averageByCategory();
        // the drilled ones apart from the next weakest (QA: three were named above a drill of two)
        List<String> weakest = weakest().stream().limit(RoundPlanner.WEAK_CATEGORIES + 1)
                .map(c -> String.format(java.util.Locale.ROOT, "%s (%.1f)", c.id(), averages.get(c))).toList();
        int drilled = Math.min(RoundPlanner.WEAK_CATEGORIES, weakest.size());
        return weakest.isEmpty() ? "No past scores yet: a mixed drill."
                : "Drilling your weakest categories (average score): " + String.join(", ", weakest.subList(0, drilled))
                + (weakest.size() > drilled ? "; next weakest: " + weakest.get(drilled) : "");
    }

    /** How often a template was answered, for spreading questions over rounds. */
    public long timesAnswered(String templateId) {
        return entries.stream().filter(e -> templateId.equals(e.templateId())).count();
    }

    /** A template's average, empty when never answered. */
    public Optional<Double> templateAverage(String templateId) {
        return entries.stream().filter(e -> templateId.equals(e.templateId())).mapToDouble(Entry::total).average()
                .stream().boxed().findFirst();
    }

    /** Per category, the average score per day, oldest day first: progress over time. */
    public Map<Category, List<Point>> progress(ZoneId zone) {
        Map<Category, TreeMap<LocalDate, double[]>> by = new EnumMap<>(Category.class);
        for (Entry e : entries) {
            double[] s = by.computeIfAbsent(e.category(), c -> new TreeMap<>())
                    .computeIfAbsent(LocalDate.ofInstant(e.at(), zone), d -> new double[2]);
            s[0] += e.total();
            s[1]++;
        }
        Map<Category, List<Point>> out = new EnumMap<>(Category.class);
        by.forEach((c, days) -> out.put(c, days.entrySet().stream()
                .map(d -> new Point(d.getKey(), d.getValue()[0] / d.getValue()[1], (int) d.getValue()[1])).toList()));
        return out;
    }
}
