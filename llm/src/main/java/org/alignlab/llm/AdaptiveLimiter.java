package org.alignlab.llm;

/**
 * How many calls may be in flight, adapted to the server (additive increase, multiplicative
 * decrease, as TCP does): each success raises the limit by 1/limit (about one per round of
 * calls), each rate-limit halves it, and a Retry-After holds every new call back until it has
 * passed. The limit stays within [1, max].
 */
public final class AdaptiveLimiter {
    private final int max;
    private double limit;
    private int inFlight;
    private long pausedUntilNanos;
    private int rateLimits;
    private double lowest;

    public AdaptiveLimiter(int initial, int max) {
        if (max < 1 || initial < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + Math.min(max, initial));
        }
        this.max = max;
        this.limit = Math.min(initial, max);
        this.lowest = limit;
    }

    /** Waits for a free slot (and for any Retry-After pause to end), then takes it. */
    public synchronized void acquire() throws InterruptedException {
        while (true) {
            long wait = pausedUntilNanos - System.nanoTime();
            if (wait > 0) {
                wait(Math.max(1, wait / 1_000_000));
            } else if (inFlight >= (int) limit) {
                wait();
            } else {
                inFlight++;
                return;
            }
        }
    }

    /** Gives back a slot after a call that succeeded (or failed for a reason other than the rate limit). */
    public synchronized void release(boolean succeeded) {
        inFlight--;
        if (succeeded) {
            limit = Math.min(max, limit + 1.0 / limit);
        }
        notifyAll();
    }

    /** Gives back a slot after a 429: halve the limit, and pause new calls for {@code retryAfterMillis} (if > 0). */
    public synchronized void releaseRateLimited(long retryAfterMillis) {
        inFlight--;
        rateLimits++;
        limit = Math.max(1, limit / 2);
        lowest = Math.min(lowest, limit);
        if (retryAfterMillis > 0) {
            pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + retryAfterMillis * 1_000_000);
        }
        notifyAll();
    }

    public synchronized int limit() {
        return (int) limit;
    }

    public synchronized int rateLimits() {
        return rateLimits;
    }

    /** The lowest the limit fell to. */
    public synchronized int lowestLimit() {
        return (int) lowest;
    }
}
