package dev.cuecard.question;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interviewer reacting to the answer just given — playing it back ("so what you're saying is you'd
 * put the cache in front of the database — got it", "so you'd shard by tenant", "just to recap …"), judging
 * it ("that's a good point about the deadlock", "interesting, I hadn't thought of lock ordering"),
 * acknowledging it ("got it, a queue per tenant", "… with virtual nodes, makes sense") or setting the
 * candidate at ease ("don't worry about empty input yet", "no need to compile it"): it names the
 * answer's topic as strongly as a question would, but asks nothing, so it gets no card — unless a
 * question follows in the same breath ("… how would you rebalance then?", "good point — what is a cache
 * stampede?", "got it. Design a URL shortener."). Recogniser text, normalised: apostrophes dropped ("youre").
 */
final class AnswerReaction {
    /** Interjections a reaction may open with, beside the detector's preamble words ("interesting, I hadn't …"). */
    private static final String INTERJECTIONS = "(?:(?:yeah|yes|yep|oh|ah|huh|wow|mm|hm|mhm|interesting|i see) )*";
    private static final Pattern OPENING = Pattern.compile("^" + INTERJECTIONS + "(?:"
            + "(?:so )?what (?:youre|you are|your|you were) (?:saying|describing|suggesting|proposing|getting at)"
            // agreeing with the answer and saying why: "right, because the lock is held across the call"
            + "|because"
            + "|if i (?:understand|understood|get|got) (?:you |that |it )?(?:correctly|right)"
            + "|(?:so |just )?to (?:summari[sz]e|recap|sum up|play (?:that|it) back)"
            + "|let me (?:just )?(?:make sure i (?:understand|got (?:that|it))"
            + "|play (?:that|it) back|repeat (?:that|it) back)"
            + "|i hear you saying|so (?:basically|in short|your answer is|that means|the short version is)"
            + "|just to make sure i (?:understand|got (?:that|it))"
            + "|so (?:youd|you would)(?! (?:be|have|need|get) )" // not a task set up: "so you'd be given …"
            // "so you've sharded by tenant …", not "so you've got three services …" nor "so you've used Kafka"
            + "|so youve(?! (?:got|been|had|ever|never|seen|worked|used|done|built|run|mentioned|said|talked|told|brought"
            + "|to|a|an|the|some|any) )"
            // "so you'd put …" as the recogniser often writes it, without the "'d"
            + "|so you (?:put|keep|store|shard|partition|batch|split|route|replicate|push|send|cache|queue)"
            // the choice the candidate made, played back: "you went with optimistic locking instead of …"
            + "|(?:so )?you (?:went|go) (?:with|for)|(?:so )?you (?:chose|picked|opted for|settled on|ended up with"
            + "|reached for|landed on|decided on)"
            // the design as the candidate drew it, played back: "so the leader holds a lease and …"
            + "|so (?:the|your) (?:\\w+ ){1,3}(?:holds|sits|owns|keeps|handles|lives|stays|just|only|then|always"
            + "|never|basically)"
            + "|(?:thats |that is )?(?:an? )?(?:really |very )?"
            + "(?:good|fair|great|nice|interesting|excellent) (?:point|catch|call|answer)"
            // judging what was proposed: "that's a sensible default for …", "nice solution"
            + "|(?:thats|that is) (?:an? )?(?!(?:the|one|another|only|same|not) )(?:\\w+ ){1,2}"
            + "(?:answer|solution|trade ?off|way|approach|default|idea|choice|use)"
            + "|(?:nice|neat|clever|elegant|clean) (?:use|solution|approach|answer|trick)|you nailed"
            + "|i (?:hadnt|had not|never) (?:thought (?:of|about)|considered)"
            + "|i like (?:that|how) you"
            // an acknowledgement of what was said (not "gotcha": the recogniser writes it for "sketch a" too)
            + "|got it|noted|(?:that )?makes sense|fair enough|i follow|that tracks"
            // setting the candidate at ease about the task
            + "|(?:dont|do not) worry about|no need to|feel free to|take your time|no rush"
            + ")(?: |$)");
    /**
     * An acknowledgement that closes the line ("… with virtual nodes, makes sense", "… on every write. Noted."):
     * what came before it was the answer played back.
     */
    private static final Pattern CLOSING = Pattern.compile("(?:^| )(?:got it|gotcha|noted|makes sense|fair enough"
            + "|i follow|(?:im |i am )?(?:writing|jotting|noting) (?:that|it) down|i have (?:written|noted) that down"
            + "|i have that|(?:thats|that is) (?:clear|what i wrote)|understood|good)(?: (?:okay|ok|thanks|thank you))?$");
    /**
     * A question word after the reaction, or a verb before its subject ("can it be", "would the feed"; not "is
     * that": "what you're saying is that …", nor "does the": "the gateway does the rate limiting"; nor "what I'd …",
     * "what we …": "that's what I'd have done", a statement): the next question may follow in the same breath
     * ("good point what is …", "fair enough can it be matched").
     */
    private static final Pattern QUESTION_WORD = Pattern.compile("(?:^| )(?:what(?! (?:i|id|ive|im|we|weve|wed|most) )"
            + "|whats|how|hows|why|which|who|whos"
            + "|(?:can|could|would|will|should) (?:it|you|we|they|this|that|there|i|the|a|an|your|our)"
            + "|does (?:it|you|we|they|this|that|there|i)|(?:do|did) (?:you|we|they|i))(?: |$)");

    /**
     * A verdict on the answer, or the interviewer's own experience beside it, anywhere in the line: "… that's the
     * textbook fix", "… I like that", "… but sure", "we went with a header and regretted it", "that bit us too",
     * "I'd have used a partial index", "that trips up a lot of people". Only a sign when nothing in the line asks.
     */
    private static final Pattern REMARK = Pattern.compile("(?:^| )(?:makes sense|i follow|i like that|fair enough"
            + "|got it|noted|good call|nice (?:detail|touch)|sensible|but (?:sure|okay|ok|fine)"
            + "|(?:that|it) (?:does )?works?|works too|would work|i appreciate (?:that|it)|i see your|i hear you|i buy that|i agree"
            + "|(?:thats|that is|its|is|are|seems|sounds|looks) (?:\\w+ )?(?:fine|good|sensible|reasonable|fair|solid"
            + "|smart|neat|clever|nice)|fine$"
            + "|(?:the|a) (?:right|safer|standard|classic|usual|textbook|sensible|reasonable) (?:fix|answer|one|ordering"
            + "|approach|call|choice|move|way|pattern)"
            + "|(?:good|nice|great|solid) (?:outcome|answer|point|catch|instinct)"
            + "|(?:we|i) (?:went|did|had|used|ended|tried|saw|hit|ran)|(?:we|i) got (?:hit|bitten|burned|burnt|paged)|(?:for|bit|on) us$|(?:bit|for) us (?:too|once|also)"
            + "|what we (?:did|do|see|saw|have|use)|our (?:rollout|setup)|id (?:have|probably|maybe|personally)"
            + "|i would have|im not (?:totally |entirely |fully )?(?:sold|convinced)|trips up|a lot of (?:people|candidates)"
            + "|most (?:people|candidates)|pretty much what"
            // a verdict on the fix proposed: "an outbox table would handle that neatly", "that covers it"
            + "|would (?:handle|cover|solve|fix) (?:that|it|this)|(?:handles|covers|solves) (?:that|it|this) (?:nicely"
            + "|neatly|well)|(?:that|this) (?:covers|solves|handles) it|what i was (?:looking|hoping) for"
            + "|what i wanted to hear"
            // the interviewer closing a topic or telling how the team works: "I'll stop you there, that's plenty"
            + "|(?:ill|i will|let me|im going to|im gonna) (?:stop|cut|pause) you there|thats (?:plenty|enough) (?:on|for|about)"
            + "|(?:weve|we have|ive|i have) been (?:burned|burnt|bitten)|(?:burned|burnt|bitten) (?:us|me)"
            // the interviewer's own story beside the answer: "that reminds me of when our pool ran dry"
            + "|reminds me"
            + "|our (?:on call |oncall )?(?:on call|oncall|rotation|team|process|stack) (?:is|are|was|runs|uses|has))(?: |$)");
    /**
     * A word of assent closing the line ("Two pointers from both ends, linear time, nice.", "… standard, works.",
     * "… yep.") — unlike {@link #CLOSING}, only where nothing in the line asks. Not "okay", "right", "sure", "yeah"
     * or "correct": a question may end on them as a tag ("you'd put a CDN in front of it, right?").
     */
    private static final Pattern ASSENT = Pattern.compile("(?:^| )(?:yep|nice|cool|fine|perfect|great|works|that tracks"
            + "|fine by me|holds up|well enough)$");
    /** Asking besides the question words: "… when?", "given an array …", "now return …", "is it …", "… worth it". */
    private static final Pattern ALSO_ASKS = Pattern.compile("(?:^| )(?:when|where|whether|given (?:a|an|the|some|two)"
            + "|(?:is|are|was|were) (?:it|there|this|these|those|they)|worth it"
            + "|(?:then|and|so|okay|ok) (?:return|find|count|sketch|make|design|write|build|implement|explain"
            + "|describe|walk|tell|give|show|add|handle|do|take|convert|rewrite|change|extend|optimi[sz]e|turn)"
            // "now" before a verb, not before what it describes ("now convert it …", not "now the cache …")
            + "|now (?!(?:the|a|an|it|its|this|that|thats|these|those|we|you|i|they|there|theres|weve|youve|is|are)"
            + "(?: |$))\\w+)(?: |$)");
    /**
     * A directive cue ("write a", "build a") with its subject before it: the team telling what it does ("… and we
     * write a blameless review for every sev two"), not a task set — such a phrase does not make the line ask.
     */
    private static final Pattern STATED_DIRECTIVE = Pattern.compile(" (?:we|i|they|he|she)(?: always| usually| also"
            + "| then| just| still| now)? (?:write|build|design|implement) an? ");

    /**
     * The interviewer's own story told ("that reminds me of when …", "… how we used to …", "we got hit once when …"):
     * its "when" or "how" asks nothing.
     */
    private static final Pattern REMINDED = Pattern.compile(
            "reminds me (?:of )?(?:when|how|the time)|(?:once|time|day|night|week|month|year) when");

    /** Verbs that ask when they open the line, after the preamble ("is gRPC worth it …", "return the values …"). */
    private static final Set<String> ASKING_OPENERS = Set.of("is", "are", "was", "were", "isnt", "arent", "return",
            "find", "count", "sketch", "merge", "detect", "check", "reverse", "print", "show", "list", "outline",
            "estimate", "draw", "propose", "plan", "pick", "choose", "take", "make", "solve", "sort", "add", "model");

    /** Words that may come between a reaction and a directive that follows it ("got it, okay, now design …"). */
    private static final Set<String> LINKS = Set.of("okay", "ok", "so", "alright", "now", "um",
            "uh", "then", "next", "and", "well", "right", "sure");

    /**
     * Acknowledgements that open a line before the next question ("fair enough — would the feed still hold up
     * if …", "makes sense. Walk me through …"), with the filler words between them.
     */
    private static final Pattern ACKNOWLEDGEMENTS = Pattern.compile("^(?:(?:got it|gotcha|noted|understood"
            + "|(?:that )?makes sense|fair enough|i follow|i see|mm hmm|mm hm|uh huh|mhm|mm|hmm|hm|interesting"
            + "|thats (?:reasonable|fair)"
            + "|good call|sounds good|nice|cool|perfect|sure|okay|ok|right|alright|so|yeah|yes|yep|oh|ah|huh) )+");
    /** What in {@link #ACKNOWLEDGEMENTS} acknowledges something (not a filler such as "okay", "so"). */
    private static final Pattern ACKNOWLEDGING = Pattern.compile("(?:^| )(?:got it|gotcha|noted|understood|makes sense"
            + "|fair enough|i follow|i see|mm hmm|mm hm|uh huh|mhm|hm|interesting|thats (?:reasonable|fair)|good call"
            + "|sounds good|sure|cool|nice|perfect) ");

    private AnswerReaction() {
    }

    /**
     * Whether normalised text opens, after the detector's preamble words, with a reaction to the answer and
     * neither a question phrase nor a question word ("what", "how", "why", …) follows in it, nor a directive
     * opens what follows ("got it — design a …"); or whether it ends on an acknowledgement with no question cue
     * or question word anywhere.
     */
    static boolean in(String normalized, QuestionCues cues) {
        List<String> words = TextNormalizer.words(normalized);
        int start = 0;
        while (start < words.size() && cues.preamble().contains(words.get(start))) {
            start++;
        }
        String padded = STATED_DIRECTIVE.matcher(" " + normalized + " ").replaceAll(" _ ");
        boolean anywhere = cues.anywhere().stream().anyMatch(padded::contains);
        // from any word of the preamble on: its words include some of the openings' ("so", "to")
        for (int from = 0; from <= start; from++) {
            String rest = String.join(" ", words.subList(from, words.size()));
            Matcher m = OPENING.matcher(rest);
            if (m.find()) {
                String after = rest.substring(m.end());
                return !anywhere && !QUESTION_WORD.matcher(after).find() && !directiveOpens(after, cues);
            }
        }
        // otherwise: a line that asks nothing (no question cue, no question word) and closes on an acknowledgement,
        // or holds a verdict or a closing assent and asks in no other way either
        String told = REMINDED.matcher(normalized).replaceAll("_");
        boolean asks = anywhere || QUESTION_WORD.matcher(told).find() || directiveOpens(normalized, cues)
                || directiveOpens(String.join(" ", words.subList(start, words.size())), cues);
        if (asks) {
            return false;
        }
        if (CLOSING.matcher(normalized).find()) {
            return true;
        }
        boolean remark = REMARK.matcher(normalized).find() || ASSENT.matcher(normalized).find();
        boolean asksOtherwise = ALSO_ASKS.matcher(told).find()
                || start < words.size() && ASKING_OPENERS.contains(words.get(start));
        return remark && !asksOtherwise;
    }

    /** Whether these words, after any linking words, open with one of the detector's question starters ("explain …"). */
    private static boolean directiveOpens(String text, QuestionCues cues) {
        List<String> words = TextNormalizer.words(text);
        int start = 0;
        while (start < words.size() && LINKS.contains(words.get(start))) {
            start++;
        }
        String rest = " " + String.join(" ", words.subList(start, words.size())) + " ";
        return cues.starters().stream().anyMatch(rest::startsWith);
    }

    /**
     * Whether normalised words ask anything: a question cue where the detector looks for one, a question word
     * anywhere ("… if loyalty fails how do the other two get undone"). Not {@link #ALSO_ASKS}: "when" and "where"
     * also tell a story ("right, because the lock is held across the call, that's where the contention comes from").
     */
    static boolean asks(String normalized, QuestionDetector detector) {
        QuestionDetector.Cues cues = detector.cues(normalized);
        return cues.cue() || QuestionDetector.shortDirective(cues) || QUESTION_WORD.matcher(normalized).find();
    }

    /**
     * The words after an opening acknowledgement ("got it", "fair enough", "makes sense", "sure", …) when a question
     * follows it (a question word, a question phrase, a directive): that question is what to read — "makes sense"
     * is small talk, and would outweigh "walk me through …" after it. Otherwise the text unchanged: an
     * acknowledgement before a statement is itself a sign of small talk.
     */
    static String afterAcknowledgement(String normalized, QuestionCues cues) {
        Matcher m = ACKNOWLEDGEMENTS.matcher(normalized + " ");
        if (!m.find() || !ACKNOWLEDGING.matcher(m.group()).find()) {
            return normalized;
        }
        String rest = normalized.substring(Math.min(normalized.length(), m.end()));
        String padded = " " + rest + " ";
        boolean asks = QUESTION_WORD.matcher(rest).find() || directiveOpens(rest, cues)
                || cues.anywhere().stream().anyMatch(padded::contains);
        return asks && TextNormalizer.words(rest).size() >= QuestionDetector.MIN_WORDS ? rest : normalized;
    }
}
