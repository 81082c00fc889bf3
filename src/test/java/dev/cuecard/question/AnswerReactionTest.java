package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The interviewer playing an answer back or judging it asks nothing; a question in the same breath still does. */
class AnswerReactionTest {
    private static final QuestionCues CUES = QuestionCues.shipped();

    private static boolean restates(String text) {
        return AnswerReaction.in(TextNormalizer.normalize(text), CUES);
    }

    @Test
    void anAnswerPlayedBackOrJudgedIsAReaction() {
        // typed and as the recogniser writes them (no punctuation, "you're" as "youre")
        assertThat(List.of(
                "So what you're saying is the consumer retries with exponential backoff, right, okay.",
                "okay so what youre saying is you would partition the topic by user id",
                "okay so what you were saying if youd put the cash in front of the database and invalidate on right got it",
                "Alright, to summarize: a write-through cache in front of Postgres with a five minute TTL.",
                "just to recap you'd take a lock per account and always in id order",
                "If I understand you correctly, the read replicas serve the search traffic.",
                "um so if i got that right the gateway does the rate limiting and redis holds the counters",
                "Let me play that back: idempotency keys stored for a day, and the client retries.",
                "Okay, so you'd keep the sessions in the cookie and skip the server-side store entirely. Fair enough.",
                "Oh, that's a really good catch on the retry storm, the backoff needs jitter.",
                "Nice answer on consistent hashing, that's exactly the virtual node trick.",
                "hmm i hadnt thought about using the write ahead log for change data capture",
                "Yeah, I like how you split the read path from the write path there."))
                .allMatch(AnswerReactionTest::restates);
    }

    @Test
    void questionsAndOtherLinesAreNot() {
        assertThat(List.of(
                "So what you're saying is you'd shard by tenant. How would you rebalance a hot tenant then?",
                "to summarize you'd use a queue what happens if the consumer dies halfway",
                "what would you say is the hardest part of running kafka",
                "what are you saying to the client when the rate limit is hit",
                "so to start how would you design a url shortener",
                "okay summarize the trade offs between a b tree and an lsm tree",
                "let me share my screen",
                "great answer lets move on to caching what is cache stampede",
                "good point which of the two would you ship first",
                "i like this problem merge k sorted lists",
                "Good point. Why does a consistent lock order prevent the deadlock then?",
                "i like this one how would you design a rate limiter for a public api",
                "a good index on the orders table what columns would it have",
                "so you would be given a list of meetings find the fewest rooms that fit them",
                "so youd have a cache in front of the database what happens when it goes down"))
                .noneMatch(AnswerReactionTest::restates);
    }

    @Test
    void anAcknowledgementAJudgementOrAReassuranceIsAReactionToo() {
        // openings and closings beyond a restatement's: each carded by the model on its topic words before
        assertThat(List.of(
                "Got it, a bloom filter ahead of the disk lookups.",
                "okay so a bounded queue between the parser and the writer threads noted",
                "Sharding the orders table by customer, with a lookup service on the side. I'm writing that down.",
                "mm so the lease expires and the old leader steps down understood",
                "Huh, I never considered fencing tokens for the lock service.",
                "That's a sensible trade-off for a read-heavy catalogue.",
                "nice use of a monotonic stack",
                "You nailed the part about readiness probes.",
                "So basically the outbox table is written in the same transaction as the order.",
                "Don't worry about thread safety for now, a single thread is fine.",
                "No need to handle negative weights in this version.",
                "Take your time with the recursion, there's no hurry.",
                "a token bucket per tenant with the counters in redis got it thanks",
                "right the p ninety nine alert on the checkout service noted",
                "makes sense a bloom filter there is what id have used too")) // "what I'd …" tells, not asks
                .allMatch(AnswerReactionTest::restates);
    }

    @Test
    void aVerdictOrAnAnecdoteAnywhereInALineThatAsksNothingIsAReaction() {
        // the verdict in the middle or at the end, the interviewer's own team, a word of assent closing a recap
        assertThat(List.of(
                "a bloom filter before the disk read, that is the textbook fix for that",
                "You went with a fencing token on every write to the storage layer.",
                "i see you chose a skip list for the ordered index instead of a tree",
                "So the coordinator keeps the log and the replicas just apply it in order.",
                "Partitioning the topic by account id is fine as long as no account gets too hot.",
                "we hit the same pool exhaustion in our billing service last spring",
                "Retrying with a fresh idempotency key bit us too, the charges doubled.",
                "i would have reached for a read replica there but the cache works too",
                "Sliding window over the log of timestamps, linear time, nice.",
                "Heap of size k, standard, works.",
                "so you put the uploads on a queue and let the workers resize them in the background",
                "huh, I hadn't seen a bitset used for that before, but it does work"))
                .allMatch(AnswerReactionTest::restates);
    }

    @Test
    void theInterviewersOwnStoryRemindedByTheAnswerIsAReaction() {
        assertThat(List.of(
                "that reminds me of the week our search cluster kept losing its master",
                "funny, it reminds me how we used to rebuild the whole index every night",
                "that reminds me of when our queue filled up during a sale"))
                .allMatch(AnswerReactionTest::restates);
        // the same words asking about the candidate's own story are a question
        assertThat(restates("does that remind you of an outage you handled")).isFalse();
        // an anecdote's "when" tells when it happened
        assertThat(restates("we got bitten by that one night when the disk filled up on the primary")).isTrue();
        assertThat(restates("we got bitten by the disk filling up, when would you alert on it")).isFalse();
    }

    @Test
    void agreeingWithTheAnswerAndSayingWhyOrDescribingItBackIsAReaction() {
        assertThat(List.of(
                "right, because the retries all land on the same shard, that's where the hot spot comes from",
                "yeah because nothing evicts the old sessions",
                "so what you're describing is a write-ahead log with periodic snapshots",
                "what you're suggesting is basically sticky sessions at the load balancer"))
                .allMatch(AnswerReactionTest::restates);
        assertThat(List.of(
                "right, because of that skew, how would you rebalance the partitions",
                "so what you're describing is a write-ahead log, why not just fsync every write"))
                .noneMatch(AnswerReactionTest::restates);
    }

    @Test
    void wordsAskWithAQuestionCueOrAQuestionWordAnywhereNotWithWhereOrWhenInAStory() {
        QuestionDetector detector = new QuestionDetector();
        assertThat(List.of(
                "our billing flow spans three services and if the last one fails how do the others undo their part",
                "explain read repair",
                "design dropbox",
                "i'd love to hear your take on backpressure"))
                .allMatch(t -> AnswerReaction.asks(TextNormalizer.normalize(t), detector));
        assertThat(List.of(
                "right because the queue is unbounded that's where the memory goes",
                "our incident reviews are blameless and everyone can read them",
                "okay so the plan is a canary first then the full rollout"))
                .noneMatch(t -> AnswerReaction.asks(TextNormalizer.normalize(t), detector));
    }

    @Test
    void aFixJudgedEnoughATopicClosedOrTheTeamDescribedIsAReaction() {
        assertThat(List.of(
                "A dead letter queue would handle that nicely.",
                "right that covers it a version column on the row",
                "two heaps one per half thats what i was hoping for",
                "Let me stop you there, that's plenty about the schema.",
                "We've been bitten by clock skew on exactly that kind of lock.",
                "so youve partitioned the topic by account and kept one consumer per partition",
                "Our team runs everything on Nomad rather than Kubernetes."))
                .allMatch(AnswerReactionTest::restates);
        assertThat(List.of(
                "so you've used Kafka before, do you keep the events ordered",
                "so youve mentioned redis does any of the data need to survive a restart",
                "would a bloom filter handle that",
                "how would a dead letter queue handle that",
                "our team runs everything on nomad how would you roll out a config change"))
                .noneMatch(AnswerReactionTest::restates);
    }

    @Test
    void aDirectivePhraseAfterItsSubjectTellsWhatTheTeamDoesAndAsksNothing() {
        assertThat(List.of(
                "our rotation is two weeks in eight and we write a short review after every page",
                "our process is simple they build an image per commit and we always write a changelog"))
                .allMatch(AnswerReactionTest::restates);
        assertThat(List.of(
                "our process is simple now write a script that builds an image per commit",
                "our team is small so you write a function that merges the two lists",
                "our stack is mostly go how would you write a health check for it"))
                .noneMatch(AnswerReactionTest::restates);
    }

    @Test
    void aLineThatAsksIsNoReactionWhateverVerdictItHolds() {
        assertThat(List.of(
                "that works, but now make it safe for two threads",
                "the recursion is correct now convert it to a loop with an explicit stack",
                "we hit pool exhaustion in our billing service how would you find the cause",
                "is a partial index fine here or would you build a full one",
                "For calls between our own services, is gRPC worth it over JSON?",
                "Fine, given an array of intervals, merge the ones that overlap.",
                "Let's say the cache cluster is gone and every read hits the database, you'd need a plan, right?",
                "You'd put a load balancer in front of these, right?",
                "design a webhook delivery system for partners okay",
                "print the numbers alternating between two threads, okay?",
                "return the values in level order left to right"))
                .noneMatch(AnswerReactionTest::restates);
    }

    @Test
    void aQuestionAfterAnAcknowledgementIsStillAQuestion() {
        assertThat(List.of(
                "fair enough can it be done in one pass",
                "gotcha see i c d pipeline for me where a broken build never reaches production", // "sketch a …" as heard
                "got it design a url shortener",
                "Got it. Explain how consistent hashing spreads the keys.",
                "noted would you add a cache in front of it",
                "makes sense do you know what a write ahead log is for",
                "no need to code it just tell me how you would find the cycle",
                "that is the default isolation level in postgres is that a problem for the ledger",
                "we have a service that gets slower every night and recovers on its own",
                "your p ninety nine doubled after the deploy but the error rate is flat right",
                "tell me about a time you had to learn a codebase nobody on the team understood"))
                .noneMatch(AnswerReactionTest::restates);
        // "is that" opens the played-back answer, not a question
        assertThat(restates("okay so what youre saying is that the consumer commits after the write got it")).isTrue();
    }

    @Test
    void aQuestionAfterAnAcknowledgementIsReadWithoutIt() {
        assertThat(AnswerReaction.afterAcknowledgement("okay noted walk me through the upload path", CUES))
                .isEqualTo("walk me through the upload path");
        assertThat(AnswerReaction.afterAcknowledgement("mm hm fair enough can the merge be done in one pass", CUES))
                .isEqualTo("can the merge be done in one pass");
        // before a statement the acknowledgement stays: it is a sign of small talk
        assertThat(AnswerReaction.afterAcknowledgement("mm hm consistent hashing with virtual nodes", CUES))
                .isEqualTo("mm hm consistent hashing with virtual nodes");
        // fillers alone are not an acknowledgement, and a question needs its words
        assertThat(AnswerReaction.afterAcknowledgement("okay so how would you shard it", CUES))
                .isEqualTo("okay so how would you shard it");
        assertThat(AnswerReaction.afterAcknowledgement("got it why", CUES)).isEqualTo("got it why");

        UtteranceClassifier c = UtteranceClassifier.shipped();
        // both read as small talk while the acknowledgement was weighed with the question
        Classification deadlock = c.classify("got it thats reasonable could the two transfers deadlock");
        assertThat(deadlock.isQuestion()).isTrue();
        assertThat(deadlock.category()).isEqualTo(Category.CONCURRENCY);
        assertThat(deadlock.text()).as("the card keeps the words as heard")
                .isEqualTo("got it thats reasonable could the two transfers deadlock");
        assertThat(c.classify("fair enough can the merge be done in one pass").category()).isEqualTo(Category.CODING);
    }

    @Test
    void aReactionNamingATopicGetsNoCard() {
        UtteranceClassifier c = UtteranceClassifier.shipped();
        Classification reaction = c.classify("okay so what youre saying is you would put the cache in front of the "
                + "database and invalidate it on every write");
        assertThat(reaction.isQuestion()).isFalse();
        assertThat(reaction.confidence()).as("as sure as the topic it names reads").isGreaterThan(0.5);
        assertThat(c.classify("oh thats a great point about the thundering herd on the cache i hadnt considered "
                + "jitter on the expiry").isQuestion()).isFalse();
        assertThat(c.classify("so what youre saying is youd put the cache in front of the database how would you "
                + "keep it from serving stale reads").isQuestion()).isTrue();
        // a question the user says is one ("ask now") is read as one whatever its opening
        assertThat(c.classifyAsQuestion("so what youre saying is you would put the cache in front of the database")
                .category()).isEqualTo(Category.CACHING);
    }
}
