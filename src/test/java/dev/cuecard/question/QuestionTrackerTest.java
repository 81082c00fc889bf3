package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.asr.TranscriptKind;
import dev.cuecard.audio.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The early-decision rules, fed with recogniser-like partials (the real classifier and templates). */
class QuestionTrackerTest {
    static UtteranceClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = UtteranceClassifier.shipped();
    }

    private static TranscriptEvent partial(String text, long at) {
        return new TranscriptEvent(Channel.THEM, TranscriptKind.PARTIAL, text, 0, at - 100, at, List.of());
    }

    private static TranscriptEvent fin(String text, long at) {
        return new TranscriptEvent(Channel.THEM, TranscriptKind.FINAL, text, 0, at - 300, at, List.of());
    }

    private static List<DetectedQuestion> feed(QuestionTracker t, TranscriptEvent... events) {
        List<DetectedQuestion> out = new ArrayList<>();
        for (TranscriptEvent e : events) {
            t.onTranscript(e).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void decidesOnceWhileTheQuestionIsStillBeingSpoken() {
        QuestionTracker t = new QuestionTracker(classifier);
        List<DetectedQuestion> out = feed(t,
                partial("how would", 600),
                partial("how would you design", 900),
                partial("how would you design a rate limiter", 1300),
                partial("how would you design a rate limiter for a", 1600),
                partial("how would you design a rate limiter for a public api", 2000),
                fin("how would you design a rate limiter for a public api", 2900));
        assertThat(out).hasSize(1);
        DetectedQuestion q = out.get(0);
        assertThat(q.early()).isTrue();
        assertThat(q.atMs()).isLessThan(2900);
        assertThat(q.classification().templateId()).isEqualTo("rate-limiter");
        assertThat(q.id()).isEqualTo(1);
    }

    @Test
    void aQuestionDecidedAtItsFinalIsReadWithTheRecognisersOtherReadings() {
        String misheard = "how would you can search results that depend on a lot of filters";
        String other = "how would you cash search results that depend on a lot of filters";
        TranscriptEvent withOthers = new TranscriptEvent(Channel.THEM, TranscriptKind.FINAL, misheard, 0, 4800, 5400,
                List.of(), List.of(), List.of(other));
        List<DetectedQuestion> out = feed(new QuestionTracker(classifier), withOthers);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).reason()).isEqualTo(DecisionReason.FINAL);
        assertThat(out.get(0).classification().category()).isEqualTo(Category.CACHING);
        assertThat(out.get(0).text()).isEqualTo(other);
    }

    @Test
    void aCardDecidedOnAPartialIsGivenTheWholeQuestionWhenItsUtteranceEnds() {
        QuestionTracker t = new QuestionTracker(classifier);
        List<DetectedQuestion> out = feed(t,
                partial("how would you design a rate limiter", 1300),
                partial("how would you design a rate limiter for a", 1600));
        assertThat(out).singleElement().satisfies(q -> assertThat(q.early()).isTrue());
        assertThat(t.takeHeardInFull()).as("not before the utterance ends").isEmpty();
        feed(t, partial("how would you design a rate limiter for a public api", 2000));
        assertThat(t.takeHeardInFull()).isEmpty();
        String whole = "how would you design a rate limiter for a public api with free and paid plans";
        assertThat(feed(t, fin(whole, 3500))).as("the card itself does not change").isEmpty();
        DetectedQuestion decided = out.get(0);
        assertThat(t.takeHeardInFull()).hasValueSatisfying(q -> {
            assertThat(q.id()).isEqualTo(decided.id());
            assertThat(q.text()).isEqualTo(whole);
            assertThat(q.classification().templateId()).isEqualTo(decided.classification().templateId());
            assertThat(q.classification().category()).isEqualTo(decided.classification().category());
            assertThat(q.speechEndMs()).as("where its last word ended").isEqualTo(3500 - 300);
            assertThat(q.atMs()).isEqualTo(decided.atMs());
        });
        assertThat(t.takeHeardInFull()).as("once").isEmpty();
        // a question decided on its final result is whole already
        feed(t, fin("how would you design a rate limiter for a public api", 9000));
        assertThat(t.takeHeardInFull()).isEmpty();
    }

    @Test
    void theWholeQuestionIsGivenAtThePauseAfterItAndAgainOnlyIfTheFinalReadsDifferently() {
        QuestionTracker t = new QuestionTracker(classifier);
        t.onAudio(0.0001, 500); // quiet, then the interviewer speaks from 500 ms
        t.onAudio(0.2, 900);
        List<DetectedQuestion> out = feed(t,
                partial("how would you design a rate limiter", 1300),
                partial("how would you design a rate limiter for a", 1600));
        assertThat(out).singleElement().satisfies(q -> assertThat(q.early()).isTrue());
        String whole = "how would you design a rate limiter for a public api";
        t.onAudio(0.2, 1700);
        feed(t, partial(whole, 2000));
        t.onAudio(0.2, 2000);
        assertThat(t.takeHeardInFull()).as("still speaking").isEmpty();
        for (long at = 2100; at <= 2400; at += 100) {
            t.onAudio(0.0001, at);
        }
        assertThat(t.takeHeardInFull()).hasValueSatisfying(q -> {
            assertThat(q.id()).isEqualTo(out.get(0).id());
            assertThat(q.text()).isEqualTo(whole);
            // partials have no word times: where the question began stays where the speech began
            assertThat(q.startMs()).isEqualTo(out.get(0).startMs()).isEqualTo(500);
        });
        t.onAudio(0.0001, 2500);
        assertThat(t.takeHeardInFull()).as("once per pause").isEmpty();
        feed(t, fin(whole, 3200));
        assertThat(t.takeHeardInFull()).as("the final says nothing new").isEmpty();
    }

    /** A vague question ("how do you keep it consistent") heard from 0.9 s, then silence until the tracker decides. */
    private static Optional<DetectedQuestion> vagueQuestionThenSilence(QuestionTracker t) {
        t.onAudio(0.2, 900);
        t.onTranscript(partial("how do you keep it consistent", 1000));
        Optional<DetectedQuestion> first = Optional.empty();
        for (long at = 1100; at < 1600 && first.isEmpty(); at += 100) {
            first = t.onAudio(0.0001, at);
        }
        return first;
    }

    @Test
    void aCardDecidedAtAPauseIsNotGivenAgainForTheSameWords() {
        QuestionTracker t = new QuestionTracker(classifier);
        Optional<DetectedQuestion> first = vagueQuestionThenSilence(t);
        assertThat(first).hasValueSatisfying(q -> assertThat(q.reason()).isEqualTo(DecisionReason.PAUSE));
        t.onAudio(0.0001, 1700);
        assertThat(t.takeHeardInFull()).isEmpty();
        feed(t, fin("how do you keep it consistent for two writers", 2600));
        assertThat(t.takeHeardInFull()).hasValueSatisfying(q -> assertThat(q.text())
                .isEqualTo("how do you keep it consistent for two writers"));
    }

    @Test
    void aTopicNoTemplateNamesIsCardedOnPartialsOnceTheyAgreeOnTheCategory() {
        QuestionTracker t = new QuestionTracker(classifier);
        List<DetectedQuestion> out = feed(t,
                partial("how does python decide when to free an object", 1200),
                partial("how does python decide when to free an object that", 1400),
                partial("how does python decide when to free an object that nobody", 1700),
                partial("how does python decide when to free an object that nobody references", 2100),
                fin("how does python decide when to free an object that nobody references anymore", 3200));
        assertThat(out).isNotEmpty();
        assertThat(out.get(0).reason()).isEqualTo(DecisionReason.STABLE_CATEGORY);
        assertThat(out.get(0).early()).isTrue();
        assertThat(out.get(0).atMs()).isLessThanOrEqualTo(1700);
        assertThat(out.get(0).classification().category()).isEqualTo(Category.LANGUAGE_RUNTIME);
    }

    @Test
    void aCardDecidedOnItsTopicTakesTheTemplateTheWholeQuestionNames() {
        // the desktop demo's third question: decided on its topic before the teammate was named
        QuestionTracker t = new QuestionTracker(classifier);
        List<DetectedQuestion> early = feed(t,
                partial("tell me about a", 600),
                partial("tell me about a time you", 900),
                partial("tell me about a time you disagreed", 1200),
                partial("tell me about a time you disagreed with", 1500));
        assertThat(early).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(DecisionReason.STABLE_CATEGORY);
            assertThat(q.classification().templateId()).isEqualTo("disagree-with-decision");
        });
        Optional<DetectedQuestion> whole = t.onTranscript(
                fin("tell me about a time you disagreed with a teammate about a technical decision", 3600));
        assertThat(whole).hasValueSatisfying(q -> {
            assertThat(q.id()).isEqualTo(early.get(0).id());
            assertThat(q.refined()).isTrue();
            assertThat(q.classification().category()).isEqualTo(Category.BEHAVIORAL);
            assertThat(q.classification().templateId()).isEqualTo("conflict-teammate");
        });
    }

    @Test
    void aCardDecidedOnTheFirstWordsTakesTheTemplateMoreOfTheQuestionNames() {
        // a held-out recording: "what does a python" was sure enough for a card, the wrong Python one
        QuestionTracker t = new QuestionTracker(classifier);
        List<DetectedQuestion> out = feed(t,
                partial("what", 300),
                partial("what does", 600),
                partial("what does a", 800),
                partial("what does a python", 1000),
                partial("what does a python decorate your", 1800),
                partial("what does a python decorate your actually", 2700),
                partial("what does a python decorate your actually do", 3000));
        assertThat(out).hasSizeGreaterThanOrEqualTo(2);
        assertThat(out.get(0).classification().templateId()).isNotEqualTo("python-decorators");
        assertThat(out.get(out.size() - 1)).satisfies(q -> {
            assertThat(q.id()).isEqualTo(out.get(0).id());
            assertThat(q.refined()).isTrue();
            assertThat(q.classification().templateId()).isEqualTo("python-decorators");
        });
    }

    @Test
    void anOpenerAloneDecidesNothingHoweverSureTheCategoryReads() {
        QuestionTracker t = new QuestionTracker(classifier);
        List<DetectedQuestion> out = feed(t,
                partial("walk me through", 500),
                partial("walk me through how", 700),
                partial("walk me through how you", 900),
                partial("walk me through how you would", 1100));
        assertThat(out).isEmpty();
    }

    @Test
    void noCardIsDecidedOnAWordThatOnlyIntroducesTheNextOne() {
        Classification soFar = classifier.classify("how would you design the");
        // precondition: two partials of these words would decide a system-design card
        assertThat(soFar.category()).isEqualTo(Category.SYSTEM_DESIGN);
        assertThat(soFar.confidence()).isGreaterThanOrEqualTo(QuestionTracker.EARLY_CONFIDENCE);
        assertThat(soFar.score()).isGreaterThanOrEqualTo(QuestionTracker.EARLY_TEMPLATE_SCORE);
        QuestionTracker t = new QuestionTracker(classifier);
        assertThat(feed(t,
                partial("how would you design the", 900),
                partial("how would you design the", 1100),
                partial("how would you design the", 1300))).isEmpty();
        // the card is decided on the words that say what is designed
        String more = "how would you design the schema for book loans in a library";
        assertThat(feed(t, partial(more, 2300), partial(more, 2500), fin(more, 3000)))
                .first().satisfies(q -> assertThat(q.text()).isEqualTo(more));
        assertThat(QuestionTracker.endsMidPhrase(List.of("what", "are", "you", "working", "on"))).isFalse();
    }

    @Test
    void noCardIsDecidedOnTheIfOrWhetherThatOpensWhatIsAsked() {
        String opener = "how do you decide if";
        Classification soFar = classifier.classify(opener);
        // precondition: two partials of these words would decide a card on the opener alone
        assertThat(soFar.isQuestion()).isTrue();
        assertThat(soFar.confidence()).isGreaterThanOrEqualTo(QuestionTracker.EARLY_CONFIDENCE);
        assertThat(soFar.score()).isGreaterThanOrEqualTo(QuestionTracker.EARLY_TEMPLATE_SCORE);
        QuestionTracker t = new QuestionTracker(classifier);
        assertThat(feed(t,
                partial(opener, 900),
                partial(opener, 1100),
                partial(opener, 1300))).isEmpty();
        String more = "how do you decide if a slow endpoint needs a cache in front of it";
        assertThat(feed(t, partial(more, 2300), partial(more, 2500), fin(more, 3000)))
                .first().satisfies(q -> assertThat(q.text()).isEqualTo(more));
        assertThat(QuestionTracker.endsMidPhrase(List.of("how", "would", "you", "choose", "whether", "to"))).isTrue();
    }

    @Test
    void aPauseAfterAWordThatOnlyIntroducesTheNextOneDecidesNothing() {
        String words = "what would you monitor for a";
        assertThat(classifier.confirm(words, List.of()).confidence()).as("precondition: question-like enough to decide")
                .isGreaterThanOrEqualTo(QuestionTracker.PAUSE_CONFIDENCE);
        QuestionTracker t = new QuestionTracker(classifier);
        t.onAudio(0.2, 900);
        assertThat(t.onTranscript(partial(words, 1000))).isEmpty();
        for (long at = 1100; at < 2500; at += 100) {
            assertThat(t.onAudio(0.0001, at)).isEmpty();
        }
    }

    @Test
    void smallTalkNeverDecides() {
        QuestionTracker t = new QuestionTracker(classifier);
        assertThat(feed(t,
                partial("can you", 400),
                partial("can you hear me", 800),
                partial("can you hear me okay let me", 1300),
                partial("can you hear me okay let me share my screen", 1900),
                fin("can you hear me okay let me share my screen", 2600))).isEmpty();
    }

    @Test
    void anAnswerPlayedBackAfterAnAcknowledgementIsNotCardedWhileItIsSpokenNorAtAPauseInIt() {
        QuestionTracker t = new QuestionTracker(classifier);
        String[] growing = {"okay the consumer", "okay the consumer commits the offset",
            "okay the consumer commits the offset only after", "okay the consumer commits the offset only after the write",
            "okay the consumer commits the offset only after the write succeeds"};
        t.onAudio(0.2, 300);
        long at = 400;
        for (String words : growing) {
            assertThat(t.onTranscript(partial(words, at))).as(words).isEmpty();
            t.onAudio(0.2, at);
            at += 300;
        }
        assertThat(classifier.classify(growing[1], List.of()).isQuestion()
                && classifier.classify(growing[growing.length - 1]).isQuestion())
                .as("precondition: the words alone read as a question, fast and in full").isTrue();
        for (long silence = at; silence < at + 1500; silence += 100) {
            assertThat(t.onAudio(0.0001, silence)).isEmpty();
        }
        assertThat(t.onTranscript(fin("okay the consumer commits the offset only after the write succeeds got it", at + 1600)))
                .as("the line closes as a reaction").isEmpty();
    }

    @Test
    void aQuestionAfterAnAcknowledgementIsStillCardedWhileItIsSpoken() {
        QuestionTracker t = new QuestionTracker(classifier);
        List<DetectedQuestion> out = feed(t,
                partial("okay so how would", 600),
                partial("okay so how would you design a rate", 1000),
                partial("okay so how would you design a rate limiter", 1300),
                partial("okay so how would you design a rate limiter for a public api", 1700));
        assertThat(out).hasSize(1);
        assertThat(out.get(0).early()).isTrue();
        assertThat(out.get(0).classification().category()).isEqualTo(Category.SYSTEM_DESIGN);
    }

    @Test
    void aClearlyStrongerFinalRefinesTheSameQuestionInsteadOfAddingOne() {
        QuestionTracker t = new QuestionTracker(classifier);
        // a vague question decided at a pause, with a modest confidence
        Optional<DetectedQuestion> first = vagueQuestionThenSilence(t);
        assertThat(first).isPresent();
        assertThat(first.get().reason()).isEqualTo(DecisionReason.PAUSE);
        int firstId = first.get().id();
        String clear = "tell me about a time you had a conflict with a teammate";
        assertThat(QuestionTracker.stronger(classifier.classify(clear), first.get().classification()))
                .as("precondition: the final reads clearly stronger").isTrue();
        Optional<DetectedQuestion> refined = t.onTranscript(fin(clear, 3000));
        assertThat(refined).isPresent();
        assertThat(refined.get().refined()).isTrue();
        assertThat(refined.get().reason()).isEqualTo(DecisionReason.STRONGER_FINAL);
        assertThat(refined.get().id()).isEqualTo(firstId);
        assertThat(t.takeHeardInFull()).as("the refinement carries the whole utterance itself").isEmpty();
        // the next question gets the next id
        List<DetectedQuestion> next = feed(t, fin("how would you design a rate limiter for a public api", 9000));
        assertThat(next).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo(firstId + 1);
            assertThat(q.early()).isFalse();
            assertThat(q.reason()).isEqualTo(DecisionReason.FINAL);
        });
    }

    /**
     * Decided on its first words as a personal question (how you prioritise), the whole question is about a
     * service that keeps failing: read at about the same confidence with more than half again as many words, it takes the card.
     */
    @Test
    void theWholeQuestionTakesTheCardFromItsFirstWordsWhenItReadsAnotherTopic() {
        QuestionTracker t = new QuestionTracker(classifier);
        List<DetectedQuestion> early = feed(t,
                partial("how would you decide when", 600),
                partial("how would you decide when a team", 900),
                partial("how would you decide when a team", 1000));
        assertThat(early).as("decided on the first words").singleElement()
                .satisfies(q -> assertThat(q.classification().category()).isEqualTo(Category.BEHAVIORAL));
        String whole = "how would you decide when a team should pause new features because its service keeps breaking";
        Classification wholeReading = classifier.classify(whole);
        assertThat(wholeReading.category()).as("precondition: the whole question").isEqualTo(Category.RELIABILITY_OPS);
        assertThat(QuestionTracker.stronger(wholeReading, early.get(0).classification()))
                .as("precondition: not clearly stronger (%s against %s)", wholeReading, early.get(0).classification()).isFalse();
        Optional<DetectedQuestion> refined = t.onTranscript(fin(whole, 4000));
        assertThat(refined).isPresent();
        assertThat(refined.get().id()).isEqualTo(early.get(0).id());
        assertThat(refined.get().classification().category()).isEqualTo(Category.RELIABILITY_OPS);
        assertThat(refined.get().reason()).isEqualTo(DecisionReason.WHOLE_QUESTION);
    }

    @Test
    void aPauseAfterAQuestionDecidesBeforeTheRecogniserEndsTheUtterance() {
        QuestionTracker t = new QuestionTracker(classifier);
        // a question too short for two agreeing partials, then the speaker stops talking
        assertThat(t.onAudio(0.2, 900)).isEmpty();
        assertThat(t.onTranscript(partial("how do you back out a release", 1000))).isEmpty();
        assertThat(t.onAudio(0.2, 1100)).isEmpty();
        assertThat(t.onAudio(0.0001, 1200)).isEmpty();
        assertThat(t.onAudio(0.0001, 1300)).isEmpty();
        Optional<DetectedQuestion> q = t.onAudio(0.0001, 1400);
        assertThat(q).isPresent();
        assertThat(q.get().early()).isTrue();
        assertThat(q.get().atMs()).isEqualTo(1400);
        // the final result agrees: nothing new
        assertThat(t.onTranscript(fin("how do you back out a release", 2200))).isEmpty();
    }

    /** A partial heard at 1 s, then silence: the card its pause decides, if any, within 0.5 s. */
    private static Optional<DetectedQuestion> decidedAtThePauseAfter(String heard) {
        QuestionTracker t = new QuestionTracker(classifier);
        t.onAudio(0.2, 900);
        assertThat(t.onTranscript(partial(heard, 1000))).isEmpty();
        Optional<DetectedQuestion> q = Optional.empty();
        for (long at = 1100; at < 1500 && q.isEmpty(); at += 100) {
            q = t.onAudio(0.0001, at);
        }
        return q;
    }

    /** A partial heard at 1 s that 1.5 s of silence leaves undecided; the tracker, for its final. */
    private static QuestionTracker undecidedAtThePauseAfter(String heard) {
        QuestionTracker t = new QuestionTracker(classifier);
        t.onAudio(0.2, 900);
        t.onTranscript(partial(heard, 1000));
        for (long at = 1100; at < 2500; at += 100) {
            assertThat(t.onAudio(0.0001, at)).as(heard).isEmpty();
        }
        return t;
    }

    @Test
    void aShortQuestionIsDecidedAtThePauseAfterIt() {
        assertThat(decidedAtThePauseAfter("explain read repair")).hasValueSatisfying(d -> {
            assertThat(d.classification().category()).isEqualTo(Category.DISTRIBUTED_SYSTEMS);
            assertThat(d.reason()).isEqualTo(DecisionReason.PAUSE);
        });
        // two words are not enough, however long the pause
        undecidedAtThePauseAfter("read repair");
    }

    @Test
    void twoWordsThatDirectADesignAreAQuestionAtThePause() {
        assertThat(decidedAtThePauseAfter("design dropbox")).hasValueSatisfying(d -> {
            assertThat(d.classification().category()).isEqualTo(Category.SYSTEM_DESIGN);
            assertThat(d.reason()).isEqualTo(DecisionReason.PAUSE);
        });
        // a directive about nothing in particular stays an aside, at the pause and at the final
        assertThat(undecidedAtThePauseAfter("explain that").onTranscript(fin("explain that", 2600))).isEmpty();
        // nor is the opening of a longer question a question of its own
        undecidedAtThePauseAfter("design a");
    }

    @Test
    void aPauseAfterSmallTalkDecidesNothing() {
        undecidedAtThePauseAfter("great thanks that makes sense");
    }

    @Test
    void aWeakerLaterReadingNeverReplacesAStrongerCard() {
        QuestionTracker t = new QuestionTracker(classifier);
        List<DetectedQuestion> out = feed(t,
                partial("how would you design a rate limiter for a public api", 1500),
                partial("how would you design a rate limiter for a public api", 1700));
        assertThat(out).singleElement().satisfies(q -> assertThat(q.reason()).isIn(DecisionReason.STABLE_PARTIALS,
                DecisionReason.SURE_PARTIAL));
        Classification shown = out.get(0).classification();
        String weaker = "and what headers would you send back";
        Classification later = classifier.classify(weaker);
        assertThat(later.templateId()).as("precondition: another template").isNotEqualTo(shown.templateId());
        assertThat(QuestionTracker.stronger(later, shown)).as("precondition: weaker").isFalse();
        assertThat(t.onTranscript(fin(weaker, 3000))).isEmpty();
    }

    @Test
    void onlyClearlyStrongerEvidenceRefines() {
        Template a = classifier.library().get("rate-limiter").orElseThrow();
        Template b = classifier.library().all().stream().filter(x -> x.category() == Category.CACHING).findFirst()
                .orElseThrow();
        Template a2 = classifier.library().inCategory(a.category()).stream().filter(x -> x != a).findFirst()
                .orElseThrow();
        Classification shown = new Classification("q", true, a.category(), Optional.of(a), 0.70, 0.50);
        assertThat(QuestionTracker.stronger(new Classification("q", true, b.category(), Optional.of(b), 0.75, 0.9),
                shown)).isFalse();
        assertThat(QuestionTracker.stronger(new Classification("q", true, b.category(), Optional.of(b), 0.85, 0.3),
                shown)).isTrue();
        assertThat(QuestionTracker.stronger(new Classification("q", true, a.category(), Optional.of(a2), 0.70, 0.60),
                shown)).isFalse();
        assertThat(QuestionTracker.stronger(new Classification("q", true, a.category(), Optional.of(a2), 0.68, 0.70),
                shown)).isTrue();
    }

    @Test
    void askNowCardsTheOpenPartialOnceAndItsFinalDoesNotAddASecondCard() {
        QuestionTracker t = new QuestionTracker(classifier);
        assertThat(t.ask(100)).isEmpty(); // nothing heard yet
        feed(t, partial("so the next thing i wanted", 700), partial("so the next thing i wanted to cover is caching", 1400));
        DetectedQuestion asked = t.ask(1500).orElseThrow();
        assertThat(asked.reason()).isEqualTo(DecisionReason.ASKED);
        assertThat(asked.id()).isEqualTo(1);
        assertThat(asked.early()).isTrue();
        assertThat(asked.text()).isEqualTo("so the next thing i wanted to cover is caching");
        // the same utterance ending is no new question; only a clearly stronger reading may refine it
        assertThat(feed(t, fin("so the next thing i wanted to cover is caching", 2200)))
                .allMatch(q -> q.id() == 1 && q.refined());
        // between utterances, the last final line is what is asked about, with the next id
        DetectedQuestion again = t.ask(3000).orElseThrow();
        assertThat(again.id()).isEqualTo(2);
        assertThat(again.early()).isFalse();
    }

    @Test
    void aQuestionDecidedOnAPartialStartsWhereTheSpeechBeganNotWhereTheLastUtteranceEnded() {
        QuestionTracker t = new QuestionTracker(classifier);
        // quiet until 1.5 s, then the interviewer speaks (100 ms chunks)
        for (long end = 100; end <= 3000; end += 100) {
            t.onAudio(end <= 1500 ? 0.0005 : 0.1, end);
        }
        List<DetectedQuestion> out = feed(t,
                partial("how would you design", 2200),
                partial("how would you design a rate limiter", 2600),
                partial("how would you design a rate limiter for a public api", 3000));
        assertThat(out).singleElement().satisfies(q -> {
            assertThat(q.early()).isTrue();
            assertThat(q.startMs()).isEqualTo(1500);
        });
        // a final is decided with its first word's time
        feed(t, fin("how would you design a rate limiter for a public api", 3600));
        DetectedQuestion fin = feed(t, new TranscriptEvent(Channel.THEM, TranscriptKind.FINAL,
                "what is a bloom filter used for", 7400, 9000, 9300, List.of())).get(0);
        assertThat(fin.early()).isFalse();
        assertThat(fin.startMs()).isEqualTo(7400);
    }
}
