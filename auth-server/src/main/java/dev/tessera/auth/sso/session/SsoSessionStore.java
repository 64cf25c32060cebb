package dev.tessera.auth.sso.session;

import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.keys.SealedValues;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SSO sessions in Redis, keyed by the SHA-256 of the session id ({@code tessera:sso:<hash>}), so the
 * id, which is what the browser's cookie proves, appears nowhere in Redis. The record (user, device,
 * auth_time, created; idle TTL sliding on use) is sealed with a key only the auth server holds
 * ({@link SealedValues}): a session written by anyone else does not open and does not exist. Beside it:
 * the clients that took part ({@code :clients}, each member tagged) and {@code tessera:sso-device:<device>}
 * to find the session from its device when the device is signed out.
 */
@Singleton
public class SsoSessionStore {

    private static final String PREFIX = "tessera:sso:";
    private static final String DEVICE_PREFIX = "tessera:sso-device:";

    private final RedisCommands<String, String> redis;
    private final SealedValues sealed;
    private final SsoProperties properties;
    private final Clock clock;

    public SsoSessionStore(StatefulRedisConnection<String, String> connection, SealedValues sealed,
                           SsoProperties properties, Clock clock) {
        this.redis = connection.sync();
        this.sealed = sealed;
        this.properties = properties;
        this.clock = clock;
    }

    /** A session just started: the id for the browser's cookie, and the session. */
    public record Started(String id, SsoSession session) {
    }

    /** A new session with a fresh random id: an id presented before login is never adopted. */
    public Started create(UUID userId, UUID deviceId) {
        Instant now = clock.instant();
        String id = Hashes.randomToken(32);
        SsoSession session = new SsoSession(handle(id), userId, deviceId, now, now);
        String key = PREFIX + session.handle();
        redis.set(key, sealed.seal(key, userId + "|" + deviceId + "|" + now.toEpochMilli() + "|" + now.toEpochMilli()),
                SetArgs.Builder.px(properties.idleTimeout().toMillis()));
        String index = DEVICE_PREFIX + deviceId;
        redis.set(index, sealed.seal(index, session.handle()), SetArgs.Builder.px(properties.absoluteTimeout().toMillis()));
        return new Started(id, session);
    }

    /** The live session with this id, its idle timeout renewed; empty when unknown, idle, too old or not ours. */
    public Optional<SsoSession> find(String id) {
        if (id == null || id.length() != 43) {
            return Optional.empty();
        }
        return findByHandle(handle(id));
    }

    public Optional<SsoSession> findByDevice(UUID deviceId) {
        String index = DEVICE_PREFIX + deviceId;
        return sealed.open(index, read(index)).flatMap(this::findByHandle);
    }

    private Optional<SsoSession> findByHandle(String handle) {
        String key = PREFIX + handle;
        Optional<SsoSession> found = sealed.open(key, read(key)).map(value -> parse(handle, value));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SsoSession session = found.get();
        if (!clock.instant().isBefore(session.createdAt().plus(properties.absoluteTimeout()))) {
            delete(session);
            return Optional.empty();
        }
        redis.pexpire(key, properties.idleTimeout().toMillis());
        return found;
    }

    /** Remembers that a client received a code through this session (for back-channel logout). */
    public void addClient(SsoSession session, String clientId) {
        String key = PREFIX + session.handle() + ":clients";
        redis.sadd(key, clientId + "." + sealed.tag(key, clientId));
        redis.pexpire(key, properties.absoluteTimeout().toMillis());
    }

    /** The clients that took part; members this server did not tag are ignored. */
    public Set<String> clients(SsoSession session) {
        String key = PREFIX + session.handle() + ":clients";
        Set<String> clients = new LinkedHashSet<>();
        for (String member : redis.smembers(key)) {
            int dot = member.lastIndexOf('.');
            if (dot > 0 && sealed.tag(key, member.substring(0, dot)).equals(member.substring(dot + 1))) {
                clients.add(member.substring(0, dot));
            }
        }
        return clients;
    }

    public void delete(SsoSession session) {
        redis.del(PREFIX + session.handle(), PREFIX + session.handle() + ":clients", DEVICE_PREFIX + session.deviceId());
    }

    /** The string at {@code key}; null when absent or when something else was put there (not ours either way). */
    private String read(String key) {
        try {
            return redis.get(key);
        } catch (RedisCommandExecutionException e) {
            return null; // WRONGTYPE: this server writes strings only
        }
    }

    private static SsoSession parse(String handle, String value) {
        String[] fields = value.split("\\|");
        return new SsoSession(handle, UUID.fromString(fields[0]), UUID.fromString(fields[1]),
                Instant.ofEpochMilli(Long.parseLong(fields[2])), Instant.ofEpochMilli(Long.parseLong(fields[3])));
    }

    private static String handle(String id) {
        return HexFormat.of().formatHex(Hashes.sha256(id));
    }
}
