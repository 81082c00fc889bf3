package dev.cuecard.practice;

import dev.cuecard.question.Category;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.question.TextNormalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Picks a round's questions from the templates. Each template gets a weight — its category's
 * weight at the candidate's level, times a boost for terms the job description (and, at half the
 * weight, the résumé) shares with it, divided by how often it was already answered — and questions
 * are drawn by weight without repeats. A seeded {@link Random} makes a plan reproducible.
 */
public final class RoundPlanner {
    /** Categories a weak-topic drill covers. */
    public static final int WEAK_CATEGORIES = 2;
    static final int SCREENING_PER_CATEGORY = 2;
    static final double MAX_JD_BOOST = 4;

    private final TemplateLibrary templates;
    private final PracticeHistory history;

    public RoundPlanner(TemplateLibrary templates, PracticeHistory history) {
        this.templates = templates;
        this.history = history;
    }

    public List<PracticeQuestion> plan(RoundSetup setup, Random random) {
        List<Category> categories = categories(setup);
        Optional<String> stack = setup.stack().map(s -> s.toLowerCase(Locale.ROOT).strip())
                .or(() -> stackNamedIn(setup.jobDescription() + " " + setup.resume()));
        Map<Template, Double> weights = new LinkedHashMap<>();
        for (Category c : categories) {
            for (Template t : templates.inCategory(c)) {
                if (fitsStack(t, stack)) {
                    weights.put(t, weight(t, setup));
                }
            }
        }
        int count = Math.min(setup.questionCount(), weights.size());
        int perCategory = switch (setup.type()) {
            case SCREENING -> SCREENING_PER_CATEGORY;
            case FULL_LOOP -> Math.max(1, (int) Math.ceil(count / (double) categories.size()));
            case DRILL -> count;
        };
        List<Template> picked = new ArrayList<>();
        Map<Category, Integer> taken = new LinkedHashMap<>();
        while (picked.size() < count) {
            Map<Template, Double> open = new LinkedHashMap<>();
            weights.forEach((t, w) -> {
                if (!picked.contains(t) && taken.getOrDefault(t.category(), 0) < perCategory) {
                    open.put(t, w);
                }
            });
            if (open.isEmpty()) {
                break;
            }
            Template t = draw(open, random);
            picked.add(t);
            taken.merge(t.category(), 1, Integer::sum);
        }
        if (setup.type() == RoundType.FULL_LOOP) {
            // a loop opens with the candidate's story and closes with the systems round
            picked.sort(java.util.Comparator.comparingInt(t -> loopOrder(t.category())));
        }
        List<PracticeQuestion> out = new ArrayList<>();
        for (Template t : picked) {
            out.add(new PracticeQuestion(out.size() + 1, t, PracticeQuestion.asked(t)));
        }
        return out;
    }

    /** The categories a round draws from, before weighting. */
    List<Category> categories(RoundSetup setup) {
        if (setup.focus().isPresent()) {
            return List.of(setup.focus().get());
        }
        if (setup.weakTopics() && !history.weakest().isEmpty()) {
            return history.weakest().stream().limit(WEAK_CATEGORIES).toList();
        }
        return List.of(Category.topics());
    }

    double weight(Template t, RoundSetup setup) {
        double w = setup.focus().isPresent() || setup.weakTopics() ? 1 : setup.seniority().weight(t.category());
        Set<String> terms = templateTerms(t);
        double boost = 1 + overlap(terms, setup.jobDescription()) + 0.5 * overlap(terms, setup.resume());
        w *= Math.min(MAX_JD_BOOST, boost);
        if (setup.weakTopics()) {
            // within a weak category, the templates answered worst come first
            w *= 1 + (10 - history.templateAverage(t.id()).orElse(5.0)) / 5;
        }
        return w / (1 + history.timesAnswered(t.id()));
    }

    private static int overlap(Set<String> templateTerms, String text) {
        if (text.isBlank()) {
            return 0;
        }
        Set<String> said = new HashSet<>(TextNormalizer.terms(TextNormalizer.normalize(text)));
        said.retainAll(templateTerms);
        return said.size();
    }

    private static Set<String> templateTerms(Template t) {
        Set<String> terms = new HashSet<>(TextNormalizer.terms(TextNormalizer.normalize(t.title())));
        t.keywords().forEach(k -> terms.addAll(TextNormalizer.terms(TextNormalizer.normalize(k))));
        return terms;
    }

    private static Template draw(Map<Template, Double> weights, Random random) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double r = random.nextDouble() * total;
        Template last = null;
        for (Map.Entry<Template, Double> e : weights.entrySet()) {
            last = e.getKey();
            r -= e.getValue();
            if (r < 0) {
                return last;
            }
        }
        return last;
    }

    /** The stack a language template is about, from its id ("python-gil" → python). */
    static Optional<String> stackOf(Template t) {
        if (t.category() != Category.LANGUAGE_RUNTIME) {
            return Optional.empty();
        }
        String id = t.id();
        if (id.startsWith("java") || id.startsWith("jvm") || id.startsWith("spring")) {
            return Optional.of("java");
        }
        int dash = id.indexOf('-');
        return Optional.of(dash < 0 ? id : id.substring(0, dash));
    }

    private static boolean fitsStack(Template t, Optional<String> stack) {
        Optional<String> own = stackOf(t);
        return own.isEmpty() || stack.isEmpty() || own.get().equals(normalStack(stack.get()));
    }

    /** Whether {@code name} is a stack the planner knows (java, python, go, node, or a name for one of them). */
    public static boolean knownStack(String name) {
        return java.util.Set.of("java", "python", "go", "node").contains(normalStack(name.toLowerCase(Locale.ROOT).strip()));
    }

    private static String normalStack(String s) {
        return switch (s) {
            case "kotlin", "jvm", "spring" -> "java";
            case "golang" -> "go";
            case "nodejs", "javascript", "typescript" -> "node";
            default -> s;
        };
    }

    /** The first stack a job description names ("Go" only capitalised: "go" is an everyday word). */
    static Optional<String> stackNamedIn(String text) {
        List<String> words = TextNormalizer.words(TextNormalizer.normalize(text.replaceAll("\\bGo\\b", "golang")));
        for (String w : words) {
            switch (w) {
                case "java", "kotlin", "spring", "jvm" -> {
                    return Optional.of("java");
                }
                case "python", "django", "flask", "fastapi" -> {
                    return Optional.of("python");
                }
                case "golang" -> {
                    return Optional.of("go");
                }
                case "node", "nodejs", "typescript", "javascript" -> {
                    return Optional.of("node");
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    private static int loopOrder(Category c) {
        return switch (c) {
            case BEHAVIORAL -> 0;
            case SYSTEM_DESIGN -> 2;
            default -> 1;
        };
    }
}
