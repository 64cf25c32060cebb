package dev.tessera.auth.user;

import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing (RFC 6819 §5.1.4.2.3): after {@code freeFailures} failures an account is
 * locked for {@code firstLock}, doubling with each further failure up to {@code maxLock}; an IP
 * with {@code maxFailuresPerIp} failures is refused for the rest of the window. Counters live in
 * Redis so every auth-server replica sees them. Without Redis the throttle cannot be enforced, so
 * password logins fail closed (503) rather than allowing unlimited guesses.
 */
@Singleton
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String PREFIX = "tessera:login:";

    private final RedisCommands<String, String> redis;
    private final LoginThrottleProperties policy;

    public LoginThrottle(StatefulRedisConnection<String, String> connection, LoginThrottleProperties policy) {
        this.redis = connection.sync();
        this.policy = policy;
    }

    /** Throws {@code 429 invalid_grant} with Retry-After when this account or IP is locked. */
    public void checkAllowed(String username, String ip) {
        try {
            long accountLockMillis = redis.pttl(lockKey(username));
            if (accountLockMillis > 0) {
                throw OAuthException.throttled("too many failed logins for this account; try again later",
                        Duration.ofMillis(accountLockMillis));
            }
            String ipFailures = redis.get(ipKey(ip));
            if (ipFailures != null && Long.parseLong(ipFailures) >= policy.maxFailuresPerIp()) {
                throw OAuthException.throttled("too many failed logins from this address; try again later",
                        Duration.ofMillis(Math.max(1000, redis.pttl(ipKey(ip)))));
            }
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    public void recordFailure(String username, String ip) {
        try {
            long failures = incrementWithinWindow(failuresKey(username));
            incrementWithinWindow(ipKey(ip));
            long beyondFree = failures - policy.freeFailures();
            if (beyondFree > 0) {
                Duration lock = lockFor(beyondFree);
                redis.set(lockKey(username), "1", SetArgs.Builder.px(lock.toMillis()));
            }
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    public void recordSuccess(String username) {
        try {
            redis.del(failuresKey(username), lockKey(username));
        } catch (RedisException e) {
            LOG.warn("could not reset login failures for an account: {}", e.getMessage());
        }
    }

    /** firstLock · 2^(n-1), capped at maxLock. */
    Duration lockFor(long failuresBeyondFree) {
        long shift = Math.min(failuresBeyondFree - 1, 30);
        long millis = policy.firstLock().toMillis() << shift;
        return millis <= 0 || millis > policy.maxLock().toMillis() ? policy.maxLock() : Duration.ofMillis(millis);
    }

    private long incrementWithinWindow(String key) {
        long count = redis.incr(key);
        if (count == 1) {
            redis.pexpire(key, policy.window().toMillis());
        }
        return count;
    }

    private static OAuthException unavailable(RedisException e) {
        return OAuthException.of(OAuthError.TEMPORARILY_UNAVAILABLE, "login is temporarily unavailable",
                "login throttle store unreachable: " + e.getMessage());
    }

    private static String failuresKey(String username) {
        return PREFIX + "failures:user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String lockKey(String username) {
        return PREFIX + "lock:user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String ipKey(String ip) {
        return PREFIX + "failures:ip:" + ip;
    }
}
