package dev.tessera.auth.user;

import java.time.Duration;

/**
 * Where login attempts are counted. A password check is reserved before it runs, and the reservation
 * is atomic with the checks that could refuse it: an account gets only as many checks at once as it
 * has free failures left (at least one), so parallel guesses cannot all be checked before the first
 * failure is recorded, and parallel right passwords wait their turn instead of being locked out.
 */
interface LoginAttempts {

    /** Reserves check {@code attempt} for {@code account} from {@code address}, or says why not. */
    Verdict reserve(String account, String address, String attempt);

    /** The check failed: counted against both, and past the free failures the account is locked. */
    void failed(String account, String address, String attempt);

    /** The password was right: the account's failures and lock are forgotten. */
    void succeeded(String account, String address, String attempt);

    /** What a reservation got. */
    enum Outcome {
        ALLOWED,
        /** The account is locked for {@code retryAfter}. */
        ACCOUNT_LOCKED,
        /** The address is over its limit for {@code retryAfter}. */
        ADDRESS_LIMITED,
        /** As many checks as allowed are running for the account or address: wait for them. */
        BUSY
    }

    record Verdict(Outcome outcome, Duration retryAfter) {

        static final Verdict ALLOWED = new Verdict(Outcome.ALLOWED, Duration.ZERO);
        static final Verdict BUSY = new Verdict(Outcome.BUSY, Duration.ZERO);
    }
}
