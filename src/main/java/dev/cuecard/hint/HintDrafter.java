package dev.cuecard.hint;

/**
 * Drafts a better hint than the template for one question (an LLM). Blocking: the caller chooses
 * the thread (the pipeline's LLM executor, or the CLI's own thread).
 */
public interface HintDrafter {

    /** Drafts until done, failed or cancelled; never throws, never hangs past its timeouts. */
    DraftOutcome draft(DraftRequest request, DraftListener listener, DraftCancellation cancellation);
}
