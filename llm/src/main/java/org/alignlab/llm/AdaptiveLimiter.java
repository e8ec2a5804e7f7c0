package org.alignlab.llm;

/**
 * How many calls may be in flight, adapted to the server as TCP adapts its window. Until the
 * first rate limit the limit grows by one per success (slow start: it doubles each round of
 * calls, so a high --concurrency is reached in a few rounds, not thousands of calls); after it,
 * by 1/limit per success (about one per round). A rate limit (HTTP 429) halves the limit once per
 * congestion event: the 429s of calls that were already in flight when the limit was last
 * halved belong to the same event and do not halve it again. A Retry-After holds every new call
 * back until it has passed. The limit stays within [1, max].
 */
public final class AdaptiveLimiter {
    private final int max;
    private double limit;
    private int inFlight;
    private long pausedUntilNanos;
    private int rateLimits;
    private double lowest;
    /** Counts the halvings: a call started in an earlier epoch saw the limit before the last one. */
    private long epoch;
    private boolean slowStart = true;

    public AdaptiveLimiter(int initial, int max) {
        if (max < 1 || initial < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + Math.min(max, initial));
        }
        this.max = max;
        this.limit = Math.min(initial, max);
        this.lowest = limit;
    }

    /**
     * Waits for a free slot (and for any Retry-After pause to end), then takes it.
     *
     * @return the ticket to hand back to {@link #releaseRateLimited} if this call is rate-limited
     */
    public synchronized long acquire() throws InterruptedException {
        while (true) {
            long wait = pausedUntilNanos - System.nanoTime();
            if (wait > 0) {
                wait(Math.max(1, wait / 1_000_000));
            } else if (inFlight >= (int) limit) {
                wait();
            } else {
                inFlight++;
                return epoch;
            }
        }
    }

    /** Gives back a slot after a call that succeeded (or failed for a reason other than the rate limit). */
    public synchronized void release(boolean succeeded) {
        inFlight--;
        if (succeeded) {
            limit = Math.min(max, limit + (slowStart ? 1.0 : 1.0 / limit));
        }
        notifyAll();
    }

    /**
     * Gives back a slot after a 429: halve the limit unless this call's congestion event has already
     * halved it, and pause new calls for {@code retryAfterMillis} (if > 0).
     *
     * @param ticket what {@link #acquire()} returned for this call
     */
    public synchronized void releaseRateLimited(long ticket, long retryAfterMillis) {
        inFlight--;
        rateLimits++;
        slowStart = false;
        if (ticket == epoch) {
            limit = Math.max(1, limit / 2);
            lowest = Math.min(lowest, limit);
            epoch++;
        }
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
