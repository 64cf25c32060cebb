package dev.tessera.webclient.session;

import dev.tessera.webclient.WebClientProperties;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.internal.Exceptions;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sessions in Redis ({@link RedisKeys}): a hash per session with a sliding TTL, and per SSO session
 * ({@code sid}) the set of session ids it opened, for back-channel logout. Every replica of the client sees every session.
 * The commands of one operation are pipelined (one round trip): a read is HGETALL + PEXPIRE, a write
 * HSET + PEXPIRE + SADD + PEXPIRE.
 */
@Singleton
@Requires(property = "tessera.web-client.session-store", value = "redis", defaultValue = "redis")
public class RedisSessionStore implements SessionStore, OneTimeStore {

    private static final String REPLACE_TOKENS = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], 'refresh_token', ARGV[1], 'access_expires_at', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """;

    private final RedisCommands<String, String> redis;
    private final RedisAsyncCommands<String, String> pipeline;
    private final Duration timeout;
    private final WebClientProperties properties;

    public RedisSessionStore(StatefulRedisConnection<String, String> connection, WebClientProperties properties) {
        this.redis = connection.sync();
        this.pipeline = connection.async();
        this.timeout = connection.getTimeout();
        this.properties = properties;
    }

    private String key(String id) {
        return RedisKeys.session(properties.clientId(), id);
    }

    private String sidKey(String sid) {
        return RedisKeys.sessionsOfSid(properties.clientId(), sid);
    }

    @Override
    public void save(WebSession session) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("client", properties.clientId());
        fields.put("user_id", session.userId());
        fields.put("username", session.username());
        fields.put("name", session.name());
        fields.put("roles", String.join(",", session.roles()));
        fields.put("login_time", Long.toString(session.loginTime().toEpochMilli()));
        fields.put("sid", session.sid());
        fields.put("csrf", session.csrf());
        fields.put("id_token", session.idToken());
        fields.put("refresh_token", session.refreshToken() == null ? "" : session.refreshToken());
        fields.put("access_expires_at", Long.toString(session.accessExpiresAt().toEpochMilli()));
        long ttl = properties.sessionTtl().toMillis();
        await(pipeline.hset(key(session.id()), fields), pipeline.pexpire(key(session.id()), ttl),
                pipeline.sadd(sidKey(session.sid()), session.id()), pipeline.pexpire(sidKey(session.sid()), ttl * 48));
    }

    @Override
    public boolean replaceTokens(WebSession refreshed) {
        // One script: the check and the write cannot be split by a back-channel logout's DEL.
        Long written = redis.eval(REPLACE_TOKENS, ScriptOutputType.INTEGER, new String[] {key(refreshed.id())},
                refreshed.refreshToken() == null ? "" : refreshed.refreshToken(),
                Long.toString(refreshed.accessExpiresAt().toEpochMilli()), Long.toString(properties.sessionTtl().toMillis()));
        return written != null && written == 1L;
    }

    @Override
    public Optional<WebSession> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return Optional.empty();
        }
        RedisFuture<Map<String, String>> read = pipeline.hgetall(key(id));
        RedisFuture<Boolean> slide = pipeline.pexpire(key(id), properties.sessionTtl().toMillis()); // sliding expiry
        await(read, slide);
        Map<String, String> f = result(read);
        if (f.isEmpty() || !properties.clientId().equals(f.get("client"))) {
            return Optional.empty();
        }
        return Optional.of(new WebSession(id, f.get("user_id"), f.get("username"), f.get("name"),
                f.get("roles").isEmpty() ? List.of() : Arrays.asList(f.get("roles").split(",")),
                Instant.ofEpochMilli(Long.parseLong(f.get("login_time"))), f.get("sid"), f.get("csrf"), f.get("id_token"),
                f.get("refresh_token").isEmpty() ? null : f.get("refresh_token"),
                Instant.ofEpochMilli(Long.parseLong(f.get("access_expires_at")))));
    }

    /** Waits for pipelined commands; a failure surfaces as the Redis exception it was. */
    private void await(RedisFuture<?>... futures) {
        if (!LettuceFutures.awaitAll(timeout.toMillis(), TimeUnit.MILLISECONDS, futures)) {
            throw new RedisCommandTimeoutException("session store did not answer within " + timeout);
        }
        for (RedisFuture<?> future : futures) {
            result(future);
        }
    }

    private static <T> T result(RedisFuture<T> done) {
        try {
            return done.get(0, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw Exceptions.bubble(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Exceptions.bubble(e);
        }
    }

    @Override
    public void delete(String id) {
        find(id).ifPresent(s -> redis.srem(sidKey(s.sid()), id));
        redis.del(key(id));
    }

    @Override
    public int deleteBySid(String sid) {
        int deleted = 0;
        for (String id : redis.smembers(sidKey(sid))) {
            deleted += redis.del(key(id)).intValue();
        }
        redis.del(sidKey(sid));
        return deleted;
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        return "OK".equals(redis.set(RedisKeys.once(properties.clientId(), key), value,
                SetArgs.Builder.nx().px(ttl.toMillis())));
    }

    @Override
    public Optional<String> take(String key) {
        return Optional.ofNullable(redis.getdel(RedisKeys.once(properties.clientId(), key)));
    }
}
