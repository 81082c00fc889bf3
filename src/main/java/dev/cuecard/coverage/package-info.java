/**
 * Whether an answer covered the key points of a card: sentence embeddings over sliding windows of
 * the answer's words against each key point, plus lexical evidence. Shared by the live answer
 * coach, the debrief's offline feedback and the practice rubric, so the three agree.
 */
package dev.cuecard.coverage;
