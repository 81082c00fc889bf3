package dev.cuecard.hint;

/**
 * Drafts a better hint than the template for one question (an LLM). Blocking: the caller chooses
 * the thread (the pipeline's LLM executor, or the CLI's own thread).
 */
public interface HintDrafter {

    /**
     * What a stored session names as its LLM ("gpt-4o-mini at api.openai.com"): the debrief and its
     * export say where questions were sent, whether or not a draft succeeded.
     */
    default String describe() {
        return getClass().getSimpleName();
    }

    /** Drafts until done, failed or cancelled; never throws, never hangs past its timeouts. */
    DraftOutcome draft(DraftRequest request, DraftListener listener, DraftCancellation cancellation);
}
