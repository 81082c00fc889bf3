package dev.cuecard.hint.llm;

/**
 * A reply as it streams in, and the answer in it: reasoning models served by Ollama, llama.cpp or
 * vLLM (DeepSeek-R1, Qwen3, …) write their thinking first, between {@code <think>} and
 * {@code </think>}, in the same text as the answer. That thinking is not the answer (it may hold
 * braces, or a draft object the model then rejects), so only what follows it is read; while the
 * model is still thinking there is no answer yet.
 */
final class AnswerText {
    private static final String[][] TAGS = {{"<think>", "</think>"}, {"<thinking>", "</thinking>"}};

    private final StringBuilder all = new StringBuilder();
    /** The closing tag awaited, or null before the start is known or when there is no reasoning block. */
    private String close;
    /** Where the closing tag is looked for next (what came before was searched already). */
    private int searchFrom;
    /** Where the answer starts, or -1 while that is not known yet. */
    private int answerFrom = -1;

    static AnswerText of(String reply) {
        AnswerText a = new AnswerText();
        a.append(reply);
        return a;
    }

    void append(String s) {
        all.append(s);
    }

    /** Everything received, the reasoning included. */
    int length() {
        return all.length();
    }

    /** The answer so far: empty while the model is still reasoning. */
    String answer() {
        if (answerFrom < 0 && !findAnswer()) {
            return "";
        }
        return all.substring(answerFrom);
    }

    private boolean findAnswer() {
        if (close == null) {
            int start = 0;
            while (start < all.length() && Character.isWhitespace(all.charAt(start))) {
                start++;
            }
            String head = all.substring(start, Math.min(all.length(), start + TAGS[1][0].length()));
            for (String[] tag : TAGS) {
                if (head.startsWith(tag[0])) {
                    close = tag[1];
                    searchFrom = start + tag[0].length();
                    break;
                }
            }
            if (close == null) {
                boolean undecided = head.isEmpty() || (head.length() < TAGS[1][0].length()
                        && (TAGS[0][0].startsWith(head) || TAGS[1][0].startsWith(head)));
                if (undecided) {
                    return false; // nothing yet, or the first characters of an opening tag
                }
                answerFrom = 0;
                return true;
            }
        }
        int end = all.indexOf(close, searchFrom);
        if (end < 0) {
            searchFrom = Math.max(searchFrom, all.length() - close.length());
            return false;
        }
        answerFrom = end + close.length();
        return true;
    }
}
