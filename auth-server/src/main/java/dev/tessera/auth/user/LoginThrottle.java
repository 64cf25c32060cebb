package dev.tessera.auth.user;

import dev.tessera.auth.error.OAuthException;
import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing (RFC 6819 §5.1.4.2.3): after {@code freeFailures} failures an account is
 * locked for {@code firstLock}, doubling with each further failure up to {@code maxLock}; an address
 * with {@code maxFailuresPerIp} failures is refused for the rest of the window. The attempt is
 * reserved before the password is checked ({@link LoginAttempts}). Counters live in Redis so every
 * replica sees them; while Redis is unreachable each replica throttles on its own
 * ({@link LocalLoginAttempts}) rather than refusing every login or allowing unlimited guesses.
 */
@Singleton
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final RedisLoginAttempts shared;
    private final LocalLoginAttempts local;
    private final MeterRegistry meters;

    LoginThrottle(RedisLoginAttempts shared, LocalLoginAttempts local, MeterRegistry meters) {
        this.shared = shared;
        this.local = local;
        this.meters = meters;
    }

    /**
     * Reserves an attempt for {@code account} (the username as the user store compares names) from
     * {@code address}; throws {@code 429 invalid_grant} with Retry-After when either is throttled.
     */
    public void reserve(String account, String address) {
        LoginAttempts.Verdict verdict;
        try {
            verdict = shared.reserve(account, address);
        } catch (RedisException e) {
            fallingBack(e);
            verdict = local.reserve(account, address);
        }
        if (!verdict.allowed()) {
            throw OAuthException.throttled("address".equals(verdict.refusedFor())
                    ? "too many failed logins from this address; try again later"
                    : "too many failed logins for this account; try again later", verdict.retryAfter());
        }
    }

    /** The password was right: the attempt is taken back and the account's failures forgotten. */
    public void succeeded(String account, String address) {
        try {
            shared.succeeded(account, address);
        } catch (RedisException e) {
            fallingBack(e);
            local.succeeded(account, address);
        }
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
