package dev.cuecard.question;

/** A template file (or one entry in it) that could not be used; everything else still loads. */
public record TemplateLoadProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
