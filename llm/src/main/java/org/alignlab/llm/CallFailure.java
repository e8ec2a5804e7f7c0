package org.alignlab.llm;

import java.time.Duration;

/**
 * Why a model call failed, as the resilience layer needs it: whether trying again can help, and
 * how long the server asked us to wait. Messages never contain the request's credentials.
 */
public final class CallFailure extends RuntimeException {
    /** The classes of failure. */
    public enum Kind {
        /** HTTP 429: slow down (and wait {@link #retryAfter()} if given). */
        RATE_LIMITED(true),
        /** HTTP 5xx. */
        SERVER_ERROR(true),
        /** No reply within the per-request timeout. */
        TIMEOUT(true),
        /** The connection failed or broke. */
        NETWORK(true),
        /** Any other 4xx: the request itself is wrong; retrying will not help. */
        CLIENT_ERROR(false),
        /**
         * A reply came but could not be understood (a truncated or malformed body): transient like
         * a dropped connection, so it is tried again; unscorable only when the attempts run out.
         */
        BAD_REPLY(true);

        final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    public CallFailure(Kind kind, int status, Duration retryAfter, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** The server's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return kind.retryable;
    }

    /** The CallFailure in {@code t}'s cause chain (LangChain4j wraps what its HTTP client throws). */
    static CallFailure find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CallFailure f) {
                return f;
            }
            if (c instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return new CallFailure(Kind.BAD_REPLY, 0, null, "unusable reply: not the JSON the API defines ("
                        + c.getClass().getSimpleName() + ")");
            }
            if (c instanceof java.net.http.HttpTimeoutException) {
                return new CallFailure(Kind.TIMEOUT, 0, null, "no reply within the timeout");
            }
            if (c instanceof java.io.IOException) {
                return new CallFailure(Kind.NETWORK, 0, null, "connection failed: " + c.getClass().getSimpleName());
            }
        }
        return null;
    }
}
