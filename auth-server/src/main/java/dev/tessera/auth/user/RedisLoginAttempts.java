package dev.tessera.auth.user;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Login attempts in Redis, shared by every auth-server replica. Each operation is one Lua script, so a
 * reservation (check the lock and the address, count the attempt, lock past the free failures) is
 * atomic: of twenty parallel guesses, exactly the free ones and the one that sets the lock get through.
 */
@Singleton
class RedisLoginAttempts implements LoginAttempts {

    private static final String PREFIX = "tessera:login:";

    /** KEYS: account failures, account lock, address failures. ARGV: free, first lock ms, max lock ms, window ms, max per address. */
    private static final String RESERVE = """
            local lock = redis.call('PTTL', KEYS[2])
            if lock > 0 then return {1, lock} end
            local address = tonumber(redis.call('GET', KEYS[3]) or '0')
            if address >= tonumber(ARGV[5]) then return {2, math.max(1000, redis.call('PTTL', KEYS[3]))} end
            local failures = redis.call('INCR', KEYS[1])
            if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
            if redis.call('INCR', KEYS[3]) == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[4]) end
            local beyond = failures - tonumber(ARGV[1])
            if beyond > 0 then
              local ms = math.min(tonumber(ARGV[2]) * 2 ^ math.min(beyond - 1, 30), tonumber(ARGV[3]))
              redis.call('SET', KEYS[2], '1', 'PX', math.floor(ms))
            end
            return {0, failures}
            """;

    /** KEYS: account failures, account lock, address failures. */
    private static final String SUCCEEDED = """
            redis.call('DEL', KEYS[1], KEYS[2])
            if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
            return 0
            """;

    private final RedisCommands<String, String> redis;
    private final LoginThrottleProperties policy;

    RedisLoginAttempts(StatefulRedisConnection<String, String> connection, LoginThrottleProperties policy) {
        this.redis = connection.sync();
        this.policy = policy;
    }

    @Override
    public Verdict reserve(String account, String address) {
        List<Long> result = redis.eval(RESERVE, ScriptOutputType.MULTI, keys(account, address),
                Integer.toString(policy.freeFailures()), Long.toString(policy.firstLock().toMillis()),
                Long.toString(policy.maxLock().toMillis()), Long.toString(policy.window().toMillis()),
                Integer.toString(policy.maxFailuresPerIp()));
        long outcome = result.get(0);
        if (outcome == 0) {
            return Verdict.ALLOWED;
        }
        return Verdict.refused(outcome == 1 ? "account" : "address", Duration.ofMillis(result.get(1)));
    }

    @Override
    public void succeeded(String account, String address) {
        redis.eval(SUCCEEDED, ScriptOutputType.INTEGER, keys(account, address));
    }

    private static String[] keys(String account, String address) {
        return new String[] {PREFIX + "failures:user:" + account, PREFIX + "lock:user:" + account,
                PREFIX + "failures:ip:" + address};
    }
}
