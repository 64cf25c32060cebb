package dev.tessera.auth.user;

import java.time.Duration;

/**
 * Where login attempts are counted. An attempt is reserved before the password is checked and counts
 * as a failure unless {@link #succeeded} takes it back, so parallel guesses cannot all be checked
 * before the first failure is recorded.
 */
interface LoginAttempts {

    /**
     * Atomically: refuses when the account is locked or the address is over its limit; otherwise counts
     * the attempt against both and, past the free failures, locks the account for the next ones.
     */
    Verdict reserve(String account, String address);

    /** The password was right: the account's failures and lock are forgotten, the address's attempt refunded. */
    void succeeded(String account, String address);

    /** Whether the attempt may go on; when refused, why ({@code account} or {@code address}) and for how long. */
    record Verdict(boolean allowed, String refusedFor, Duration retryAfter) {

        static final Verdict ALLOWED = new Verdict(true, null, Duration.ZERO);

        static Verdict refused(String refusedFor, Duration retryAfter) {
            return new Verdict(false, refusedFor, retryAfter);
        }
    }
}
