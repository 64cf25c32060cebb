package dev.tessera.auth.sso.session;

import dev.tessera.auth.crypto.Hashes;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SSO sessions in Redis: {@code tessera:sso:<id>} (hash, idle TTL sliding on use), the clients that
 * took part ({@code tessera:sso:<id>:clients}), and {@code tessera:sso-device:<device>} to find a
 * session from its device when the device is signed out.
 */
@Singleton
public class SsoSessionStore {

    private static final String PREFIX = "tessera:sso:";
    private static final String DEVICE_PREFIX = "tessera:sso-device:";

    private final RedisCommands<String, String> redis;
    private final SsoProperties properties;
    private final Clock clock;

    public SsoSessionStore(StatefulRedisConnection<String, String> connection, SsoProperties properties, Clock clock) {
        this.redis = connection.sync();
        this.properties = properties;
        this.clock = clock;
    }

    /** A new session with a fresh random id: an id presented before login is never adopted. */
    public SsoSession create(UUID userId, UUID deviceId) {
        Instant now = clock.instant();
        SsoSession session = new SsoSession(Hashes.randomToken(32), userId, deviceId, now, now);
        String key = PREFIX + session.id();
        redis.hset(key, Map.of("user", userId.toString(), "device", deviceId.toString(),
                "auth_time", Long.toString(now.toEpochMilli()), "created", Long.toString(now.toEpochMilli())));
        redis.pexpire(key, properties.idleTimeout().toMillis());
        redis.set(DEVICE_PREFIX + deviceId, session.id());
        redis.pexpire(DEVICE_PREFIX + deviceId, properties.absoluteTimeout().toMillis());
        return session;
    }

    /** The live session with this id, its idle timeout renewed; empty when unknown, idle or too old. */
    public Optional<SsoSession> find(String id) {
        if (id == null || id.length() != 43) {
            return Optional.empty();
        }
        Map<String, String> fields = redis.hgetall(PREFIX + id);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        SsoSession session = new SsoSession(id, UUID.fromString(fields.get("user")), UUID.fromString(fields.get("device")),
                Instant.ofEpochMilli(Long.parseLong(fields.get("auth_time"))),
                Instant.ofEpochMilli(Long.parseLong(fields.get("created"))));
        if (!clock.instant().isBefore(session.createdAt().plus(properties.absoluteTimeout()))) {
            delete(session);
            return Optional.empty();
        }
        redis.pexpire(PREFIX + id, properties.idleTimeout().toMillis());
        return Optional.of(session);
    }

    public Optional<SsoSession> findByDevice(UUID deviceId) {
        return find(redis.get(DEVICE_PREFIX + deviceId));
    }

    /** Remembers that a client received a code through this session (for back-channel logout). */
    public void addClient(SsoSession session, String clientId) {
        redis.sadd(PREFIX + session.id() + ":clients", clientId);
        redis.pexpire(PREFIX + session.id() + ":clients", properties.absoluteTimeout().toMillis());
    }

    public Set<String> clients(SsoSession session) {
        return redis.smembers(PREFIX + session.id() + ":clients");
    }

    public void delete(SsoSession session) {
        redis.del(PREFIX + session.id(), PREFIX + session.id() + ":clients", DEVICE_PREFIX + session.deviceId());
    }
}
