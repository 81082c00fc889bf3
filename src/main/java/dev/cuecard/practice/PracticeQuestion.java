package dev.cuecard.practice;

import dev.cuecard.question.Category;
import dev.cuecard.question.Template;

/** A question of a round: the template it comes from and the words Cuecard asks it with. */
public record PracticeQuestion(int number, Template template, String text) {
    public Category category() {
        return template.category();
    }

    /** The template's question, asked the standard way. */
    public static PracticeQuestion of(int number, Template t) {
        return new PracticeQuestion(number, t, asked(t));
    }

    /** The template's first trigger, as a sentence. */
    static String asked(Template t) {
        String s = t.triggers().get(0).strip();
        String sentence = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        boolean command = s.matches("^(design|explain|describe|walk|tell|give|implement|write|compare|reverse|find|merge).*");
        return sentence + (command ? "." : "?");
    }
}
