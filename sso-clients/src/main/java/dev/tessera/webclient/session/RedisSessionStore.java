package dev.tessera.webclient.session;

import dev.tessera.webclient.WebClientProperties;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions in Redis: hash {@code session:<id>} with a sliding TTL, and {@code session-sid:<client>:<sid>}
 * (a set of session ids) for back-channel logout. Every replica of the client sees every session.
 */
@Singleton
@Requires(property = "tessera.web-client.session-store", value = "redis", defaultValue = "redis")
public class RedisSessionStore implements SessionStore, OneTimeStore {

    private final RedisCommands<String, String> redis;
    private final WebClientProperties properties;

    public RedisSessionStore(StatefulRedisConnection<String, String> connection, WebClientProperties properties) {
        this.redis = connection.sync();
        this.properties = properties;
    }

    private static String key(String id) {
        return "session:" + id;
    }

    private String sidKey(String sid) {
        return "session-sid:" + properties.clientId() + ":" + sid;
    }

    @Override
    public void save(WebSession session) {
        Map<String, String> fields = new HashMap<>();
        fields.put("client", properties.clientId());
        fields.put("user_id", session.userId());
        fields.put("username", session.username());
        fields.put("name", session.name());
        fields.put("roles", String.join(",", session.roles()));
        fields.put("login_time", Long.toString(session.loginTime().toEpochMilli()));
        fields.put("sid", session.sid());
        fields.put("csrf", session.csrf());
        fields.put("id_token", session.idToken());
        fields.put("access_token", session.accessToken());
        fields.put("refresh_token", session.refreshToken() == null ? "" : session.refreshToken());
        fields.put("access_expires_at", Long.toString(session.accessExpiresAt().toEpochMilli()));
        redis.hset(key(session.id()), fields);
        redis.pexpire(key(session.id()), properties.sessionTtl().toMillis());
        redis.sadd(sidKey(session.sid()), session.id());
        redis.pexpire(sidKey(session.sid()), properties.sessionTtl().multipliedBy(48).toMillis());
    }

    @Override
    public Optional<WebSession> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return Optional.empty();
        }
        Map<String, String> f = redis.hgetall(key(id));
        if (f.isEmpty() || !properties.clientId().equals(f.get("client"))) {
            return Optional.empty();
        }
        redis.pexpire(key(id), properties.sessionTtl().toMillis()); // sliding expiry
        return Optional.of(new WebSession(id, f.get("user_id"), f.get("username"), f.get("name"),
                f.get("roles").isEmpty() ? List.of() : Arrays.asList(f.get("roles").split(",")),
                Instant.ofEpochMilli(Long.parseLong(f.get("login_time"))), f.get("sid"), f.get("csrf"), f.get("id_token"),
                f.get("access_token"), f.get("refresh_token").isEmpty() ? null : f.get("refresh_token"),
                Instant.ofEpochMilli(Long.parseLong(f.get("access_expires_at")))));
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
        return "OK".equals(redis.set("once:" + properties.clientId() + ":" + key, value,
                SetArgs.Builder.nx().px(ttl.toMillis())));
    }

    @Override
    public Optional<String> take(String key) {
        return Optional.ofNullable(redis.getdel("once:" + properties.clientId() + ":" + key));
    }
}
