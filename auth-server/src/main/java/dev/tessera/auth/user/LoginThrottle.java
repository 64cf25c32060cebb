package dev.tessera.auth.user;

import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.error.OAuthException;
import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing (RFC 6819 §5.1.4.2.3): after {@code freeFailures} failures an account is
 * locked for {@code firstLock}, doubling with each further failure up to {@code maxLock}; an address
 * with {@code maxFailuresPerIp} failures is refused for the rest of the window. Every password check is
 * reserved first ({@link LoginAttempts}); a check that finds the account's allowance in use waits up to
 * {@code busyWait} for the running ones to finish. Counters live in Redis so every replica sees them;
 * while Redis is unreachable each replica throttles on its own ({@link LocalLoginAttempts}) rather than
 * refusing every login or allowing unlimited guesses.
 */
@Singleton
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Duration POLL = Duration.ofMillis(20);

    private final RedisLoginAttempts shared;
    private final LocalLoginAttempts local;
    private final LoginThrottleProperties policy;
    private final MeterRegistry meters;
    private final Clock clock;

    LoginThrottle(RedisLoginAttempts shared, LocalLoginAttempts local, LoginThrottleProperties policy, MeterRegistry meters,
                  Clock clock) {
        this.shared = shared;
        this.local = local;
        this.policy = policy;
        this.meters = meters;
        this.clock = clock;
    }

    /** A reserved password check, to be reported as {@link #failed} or {@link #succeeded}. */
    public static final class Attempt {
        private final String account;
        private final String address;
        private final String id;
        private final LoginAttempts store;

        private Attempt(String account, String address, String id, LoginAttempts store) {
            this.account = account;
            this.address = address;
            this.id = id;
            this.store = store;
        }
    }

    /**
     * Reserves a password check for {@code account} (the username as the user store compares names) from
     * {@code address}; throws {@code 429 invalid_grant} with Retry-After when either is throttled.
     */
    public Attempt reserve(String account, String address) {
        String id = Hashes.randomToken(12);
        long deadline = clock.millis() + policy.busyWait().toMillis();
        while (true) {
            LoginAttempts store = shared;
            LoginAttempts.Verdict verdict;
            try {
                verdict = shared.reserve(account, address, id);
            } catch (RedisException e) {
                fallingBack(e);
                store = local;
                verdict = local.reserve(account, address, id);
            }
            switch (verdict.outcome()) {
                case ALLOWED -> {
                    return new Attempt(account, address, id, store);
                }
                case ACCOUNT_LOCKED -> throw OAuthException.throttled(
                        "too many failed logins for this account; try again later", verdict.retryAfter());
                case ADDRESS_LIMITED -> throw OAuthException.throttled(
                        "too many failed logins from this address; try again later", verdict.retryAfter());
                default -> waitOrGiveUp(deadline);
            }
        }
    }

    private void waitOrGiveUp(long deadline) {
        if (clock.millis() >= deadline) {
            throw OAuthException.throttled("too many logins in progress for this account; try again",
                    Duration.ofSeconds(1));
        }
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OAuthException.throttled("login interrupted; try again", Duration.ofSeconds(1));
        }
    }

    /** The password was wrong: counted, and past the free failures the account is locked. */
    public void failed(Attempt attempt) {
        report(attempt, LoginAttempts::failed);
    }

    /** The password was right: the account's failures are forgotten. */
    public void succeeded(Attempt attempt) {
        report(attempt, LoginAttempts::succeeded);
    }

    /** Reports to where the check was reserved; to this replica's counters if that was Redis and it is gone. */
    private void report(Attempt attempt, Outcome outcome) {
        try {
            outcome.report(attempt.store, attempt.account, attempt.address, attempt.id);
        } catch (RedisException e) {
            fallingBack(e);
            outcome.report(local, attempt.account, attempt.address, attempt.id);
        }
    }

    /** {@link LoginAttempts#failed} or {@link LoginAttempts#succeeded}. */
    @FunctionalInterface
    private interface Outcome {
        void report(LoginAttempts store, String account, String address, String attempt);
    }

    private void fallingBack(RedisException e) {
        meters.counter("tessera.login.throttle.local").increment();
        LOG.warn("login throttle store unreachable, throttling on this replica only: {}", e.getMessage());
    }

    /** firstLock · 2^(n-1), capped at maxLock. */
    static Duration lockFor(LoginThrottleProperties policy, long failuresBeyondFree) {
        long shift = Math.min(failuresBeyondFree - 1, 30);
        long millis = policy.firstLock().toMillis() << shift;
        return millis <= 0 || millis > policy.maxLock().toMillis() ? policy.maxLock() : Duration.ofMillis(millis);
    }
}
