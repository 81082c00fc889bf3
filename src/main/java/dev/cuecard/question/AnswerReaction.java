package dev.cuecard.question;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The interviewer reacting to the answer just given — playing it back ("so what you're saying is you'd
 * put the cache in front of the database — got it", "so you'd shard by tenant", "just to recap …") or judging
 * it ("that's a good point about the deadlock", "I hadn't thought of lock ordering"): it names the
 * answer's topic as strongly as a question would, but asks nothing, so it gets no card — unless a
 * question follows in the same breath ("… how would you rebalance then?", "good point — what is a cache
 * stampede?"). Recogniser text,
 * normalised: apostrophes dropped ("youre").
 */
final class AnswerReaction {
    private static final Pattern OPENING = Pattern.compile("^(?:"
            + "(?:so )?what (?:youre|you are|your|you were) saying"
            + "|if i (?:understand|understood|get|got) (?:you |that |it )?(?:correctly|right)"
            + "|(?:so |just )?to (?:summari[sz]e|recap|sum up)"
            + "|let me (?:make sure i (?:understand|got (?:that|it))|play (?:that|it) back|repeat (?:that|it) back)"
            + "|just to make sure i (?:understand|got (?:that|it))"
            + "|so (?:youd|you would)(?! (?:be|have|need|get) )" // not a task set up: "so you'd be given …"
            + "|(?:(?:yeah|yes|oh|ah) )*(?:thats |that is )?(?:an? )?(?:really |very )?"
            + "(?:good|fair|great|nice|interesting|excellent) (?:point|catch|call|answer)"
            + "|(?:(?:yeah|yes|oh|ah) )*i (?:hadnt|had not|never) thought (?:of|about)"
            + "|(?:(?:yeah|yes|oh|ah) )*i like (?:that|how) you"
            + ")(?: |$)");
    /** A question word after the reaction: the next question may follow in the same breath ("good point what is …"). */
    private static final Pattern QUESTION_WORD = Pattern.compile("(?:^| )(?:what|whats|how|hows|why|which|who|whos)(?: |$)");

    private AnswerReaction() {
    }

    /**
     * Whether normalised text opens, after the detector's preamble words, with a reaction to the answer and
     * neither a question phrase nor a question word ("what", "how", "why", …) follows in it.
     */
    static boolean in(String normalized, QuestionCues cues) {
        List<String> words = TextNormalizer.words(normalized);
        int start = 0;
        while (start < words.size() && cues.preamble().contains(words.get(start))) {
            start++;
        }
        // from any word of the preamble on: its words include some of the openings' ("so", "to")
        for (int from = 0; from <= start; from++) {
            String rest = String.join(" ", words.subList(from, words.size()));
            java.util.regex.Matcher m = OPENING.matcher(rest);
            if (m.find()) {
                String padded = " " + rest + " ";
                return cues.anywhere().stream().noneMatch(padded::contains)
                        && !QUESTION_WORD.matcher(rest.substring(m.end())).find();
            }
        }
        return false;
    }
}
