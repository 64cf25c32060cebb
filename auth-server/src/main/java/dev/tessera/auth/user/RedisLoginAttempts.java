package dev.tessera.auth.user;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Login attempts in Redis, shared by every auth-server replica. Each step is one Lua script, so a
 * reservation (lock, address limit and checks in flight examined, the check added) is atomic. Checks
 * in flight are sorted-set members scored by their start: one whose replica died is forgotten after
 * {@link #STALE}.
 */
@Singleton
class RedisLoginAttempts implements LoginAttempts {

    private static final String PREFIX = "tessera:login:";
    private static final Duration STALE = Duration.ofSeconds(30);

    /**
     * KEYS: account failures, account lock, account checks, address failures, address checks.
     * ARGV: free failures, max failures per address, now ms, attempt id, stale ms.
     */
    private static final String RESERVE = """
            local lock = redis.call('PTTL', KEYS[2])
            if lock > 0 then return {1, lock} end
            local now = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[5]))
            redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now - tonumber(ARGV[5]))
            local address = tonumber(redis.call('GET', KEYS[4]) or '0')
            if address >= tonumber(ARGV[2]) then return {2, math.max(1000, redis.call('PTTL', KEYS[4]))} end
            local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
            if redis.call('ZCARD', KEYS[3]) >= math.max(1, tonumber(ARGV[1]) + 1 - failures)
                or redis.call('ZCARD', KEYS[5]) >= tonumber(ARGV[2]) - address then
              return {3, 0}
            end
            redis.call('ZADD', KEYS[3], now, ARGV[4])
            redis.call('PEXPIRE', KEYS[3], ARGV[5])
            redis.call('ZADD', KEYS[5], now, ARGV[4])
            redis.call('PEXPIRE', KEYS[5], ARGV[5])
            return {0, 0}
            """;

    /** KEYS as for RESERVE. ARGV: free failures, first lock ms, max lock ms, window ms, attempt id. */
    private static final String FAILED = """
            redis.call('ZREM', KEYS[3], ARGV[5])
            redis.call('ZREM', KEYS[5], ARGV[5])
            local failures = redis.call('INCR', KEYS[1])
            if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
            if redis.call('INCR', KEYS[4]) == 1 then redis.call('PEXPIRE', KEYS[4], ARGV[4]) end
            local beyond = failures - tonumber(ARGV[1])
            if beyond > 0 then
              local ms = math.min(tonumber(ARGV[2]) * 2 ^ math.min(beyond - 1, 30), tonumber(ARGV[3]))
              redis.call('SET', KEYS[2], '1', 'PX', math.floor(ms))
            end
            return failures
            """;

    /** KEYS as for RESERVE. ARGV: attempt id. */
    private static final String SUCCEEDED = """
            redis.call('ZREM', KEYS[3], ARGV[1])
            redis.call('ZREM', KEYS[5], ARGV[1])
            redis.call('DEL', KEYS[1], KEYS[2])
            return 0
            """;

    private final RedisCommands<String, String> redis;
    private final LoginThrottleProperties policy;
    private final Clock clock;

    RedisLoginAttempts(StatefulRedisConnection<String, String> connection, LoginThrottleProperties policy, Clock clock) {
        this.redis = connection.sync();
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Verdict reserve(String account, String address, String attempt) {
        List<Long> result = redis.eval(RESERVE, ScriptOutputType.MULTI, keys(account, address),
                Integer.toString(policy.freeFailures()), Integer.toString(policy.maxFailuresPerIp()),
                Long.toString(clock.millis()), attempt, Long.toString(STALE.toMillis()));
        return switch (result.get(0).intValue()) {
            case 0 -> Verdict.ALLOWED;
            case 1 -> new Verdict(Outcome.ACCOUNT_LOCKED, Duration.ofMillis(result.get(1)));
            case 2 -> new Verdict(Outcome.ADDRESS_LIMITED, Duration.ofMillis(result.get(1)));
            default -> Verdict.BUSY;
        };
    }

    @Override
    public void failed(String account, String address, String attempt) {
        redis.eval(FAILED, ScriptOutputType.INTEGER, keys(account, address), Integer.toString(policy.freeFailures()),
                Long.toString(policy.firstLock().toMillis()), Long.toString(policy.maxLock().toMillis()),
                Long.toString(policy.window().toMillis()), attempt);
    }

    @Override
    public void succeeded(String account, String address, String attempt) {
        redis.eval(SUCCEEDED, ScriptOutputType.INTEGER, keys(account, address), attempt);
    }

    private static String[] keys(String account, String address) {
        return new String[] {PREFIX + "failures:user:" + account, PREFIX + "lock:user:" + account,
                PREFIX + "checking:user:" + account, PREFIX + "failures:ip:" + address, PREFIX + "checking:ip:" + address};
    }
}
