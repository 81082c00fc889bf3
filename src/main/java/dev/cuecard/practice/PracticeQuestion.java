package dev.cuecard.practice;

import dev.cuecard.question.Category;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A question of a round: the template it comes from and the words Cuecard asks it with. */
public record PracticeQuestion(int number, Template template, String text) {
    /** Verbs that make the first trigger a task ("Design a rate limiter.") rather than a question. */
    private static final Set<String> TASKS = Set.of("design", "explain", "describe", "walk", "tell", "give", "implement",
            "write", "compare", "reverse", "find", "merge", "evaluate", "build", "count", "check", "sort", "return",
            "print", "estimate", "sketch", "list", "detect", "serialize", "convert", "parse", "model");
    /**
     * A word of a title: letters and digits, "+" and "#" kept ("C++", "C#"); a "." or "@" before it makes
     * it code, not a name to spell (".NET" is heard "dot net", "@Transactional" is not "Transactional outbox").
     */
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9+#]*");

    public Category category() {
        return template.category();
    }

    /** The template's question, asked the standard way. */
    public static PracticeQuestion of(int number, Template t) {
        return new PracticeQuestion(number, t, asked(t));
    }

    /**
     * The template's first trigger as a sentence, its names spelt as the titles spell them: triggers are
     * written as the recogniser hears them, all lower case ("what does acid mean" → "What does ACID mean?").
     */
    static String asked(Template t) {
        Map<String, String> names = names(t);
        String s = java.util.Arrays.stream(t.triggers().get(0).strip().split(" "))
                .map(w -> names.getOrDefault(w, w)).collect(Collectors.joining(" "));
        String sentence = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        String first = t.triggers().get(0).strip().split(" ")[0];
        return sentence + (TASKS.contains(first) ? "." : "?");
    }

    /**
     * The names a template's title spells with capitals, by their lower-case form: every word with two
     * capitals ("GraphQL", "ACID"), every other capitalised word past the title's start ("in Java"), and a
     * word that opens it ("Java strings …") when the shipped titles only ever capitalise it.
     */
    private static Map<String, String> names(Template t) {
        Map<String, String> names = new HashMap<>();
        List<Word> words = words(t.title());
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String lower = w.text().toLowerCase(Locale.ROOT);
            if (w.text().equals(lower) || w.text().length() < 2 || w.code()) {
                continue;
            }
            boolean opens = i == 0 || w.afterBreak();
            boolean nameGoesOn = i + 1 < words.size() && !words.get(i + 1).afterBreak()
                    && capitals(words.get(i + 1).text()) > 0; // "Google Docs", "Redis Cluster"
            if (!opens || nameGoesOn || capitals(w.text()) >= 2 || Shipped.PROPER.contains(w.text())) {
                names.put(lower, w.text());
            }
        }
        return names;
    }

    private record Word(String text, boolean code, boolean afterBreak) {
    }

    private static List<Word> words(String title) {
        List<Word> out = new java.util.ArrayList<>();
        Matcher m = WORD.matcher(title);
        while (m.find()) {
            String before = title.substring(0, m.start()).stripTrailing();
            char last = before.isEmpty() ? ' ' : before.charAt(before.length() - 1);
            out.add(new Word(m.group(), m.start() > 0 && ".@".indexOf(title.charAt(m.start() - 1)) >= 0,
                    "—:/(".indexOf(last) >= 0));
        }
        return out;
    }

    private static int capitals(String w) {
        return (int) w.chars().filter(Character::isUpperCase).count();
    }

    /** Words the shipped titles capitalise where a sentence would not, and never write in lower case. */
    private static final class Shipped {
        static final Set<String> PROPER = proper();

        private static Set<String> proper() {
            Set<String> capitalised = new HashSet<>();
            Set<String> lower = new HashSet<>();
            for (Template t : TemplateLibrary.shipped().all()) {
                List<Word> words = words(t.title());
                for (int i = 0; i < words.size(); i++) {
                    Word w = words.get(i);
                    if (w.text().equals(w.text().toLowerCase(Locale.ROOT))) {
                        lower.add(w.text());
                    } else if (i > 0 && !w.afterBreak() && !w.code()) {
                        capitalised.add(w.text());
                    }
                }
            }
            capitalised.removeIf(w -> lower.contains(w.toLowerCase(Locale.ROOT)));
            return capitalised;
        }
    }
}
