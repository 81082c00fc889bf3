package dev.cuecard.hint.llm;

import dev.langchain4j.exception.HttpException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Why a draft failed, with the short status the user sees next to the template hint. Built from
 * the exception type and HTTP status only: a server's error body may echo the API key, so its text
 * is never used.
 */
enum LlmFailure {
    UNREACHABLE("LLM unreachable", false),
    KEY_REJECTED("API key rejected", false),
    MODEL_NOT_FOUND("LLM model not found", false),
    REQUEST_REJECTED("LLM rejected the request", false),
    RATE_LIMITED("LLM rate limited", true),
    SERVER_ERROR("LLM server error", true),
    TIMED_OUT("LLM timed out", false),
    BAD_REPLY("LLM reply unreadable", false);

    private final String status;
    private final boolean retryable;

    LlmFailure(String status, boolean retryable) {
        this.status = status;
        this.retryable = retryable;
    }

    String status() {
        return status;
    }

    /**
     * Whether the next request would fail the same way whatever it asks: nothing answers, the key or
     * the model is wrong. A time-out or an unreadable reply may go otherwise for another question.
     */
    boolean lasting() {
        return this == UNREACHABLE || this == KEY_REJECTED || this == MODEL_NOT_FOUND;
    }

    /** 429 and 5xx are worth another try after a back-off; the rest will not get better. */
    boolean retryable() {
        return retryable;
    }

    /** The status with the HTTP code when there is one, e.g. "LLM server error (HTTP 503)". */
    static String describe(LlmFailure f, int httpStatus) {
        return httpStatus > 0 ? f.status + " (HTTP " + httpStatus + ")" : f.status;
    }

    static int httpStatus(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpException h) {
                return h.statusCode();
            }
        }
        return -1;
    }

    static LlmFailure classify(Throwable t) {
        int code = httpStatus(t);
        if (code > 0) {
            return fromStatus(code);
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException
                    || c instanceof UnresolvedAddressException
                    || c instanceof dev.langchain4j.exception.UnresolvedModelServerException) {
                return UNREACHABLE;
            }
            if (c instanceof HttpTimeoutException || c instanceof dev.langchain4j.exception.TimeoutException) {
                return TIMED_OUT;
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof com.fasterxml.jackson.core.JacksonException) {
                return BAD_REPLY; // a garbled event in the stream (Jackson's errors are IOExceptions too)
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return UNREACHABLE; // connection reset or closed before a reply
            }
        }
        return BAD_REPLY;
    }

    static LlmFailure fromStatus(int code) {
        if (code == 401 || code == 403) {
            return KEY_REJECTED;
        }
        if (code == 404) {
            return MODEL_NOT_FOUND;
        }
        if (code == 408) {
            return TIMED_OUT;
        }
        if (code == 429) {
            return RATE_LIMITED;
        }
        if (code >= 500) {
            return SERVER_ERROR;
        }
        return REQUEST_REJECTED;
    }
}
