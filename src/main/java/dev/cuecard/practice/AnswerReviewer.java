package dev.cuecard.practice;

/** Reviews an answer with an LLM; the offline rubric's score is part of what it is told. */
public interface AnswerReviewer {
    ReviewOutcome review(PracticeQuestion question, Answer answer, AnswerScore score);
}
