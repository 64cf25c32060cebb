package dev.tessera.auth.device;

import dev.tessera.auth.support.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices in PostgreSQL ({@code devices} table). {@link #touch} writes at most once per
 * {@link #TOUCH_INTERVAL} per device, so a busy refresh path does not become a write storm.
 */
@Singleton
public class JdbcDeviceStore implements DeviceStore {

    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

    private final JdbcOperations jdbc;
    private final Map<UUID, Instant> lastTouched = new ConcurrentHashMap<>();

    public JdbcDeviceStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Registration register(UUID userId, String clientId, DeviceDescriptor descriptor, Instant now) {
        lockSignIns(userId, clientId);
        Optional<UUID> replaced = Optional.empty();
        if (descriptor.externalId() != null) {
            replaced = jdbc.prepareStatement("""
                    UPDATE devices SET revoked_at = ?, revoke_reason = 'replaced'
                    WHERE user_id = ? AND client_id = ? AND external_id = ? AND revoked_at IS NULL
                    RETURNING id
                    """, statement -> {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setObject(2, userId);
                statement.setString(3, clientId);
                statement.setString(4, descriptor.externalId());
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
                }
            });
        }
        Device device = new Device(UUID.randomUUID(), userId, clientId, descriptor.externalId(), descriptor.type(),
                descriptor.name(), descriptor.userAgent(), descriptor.ip(), now, now, null, null);
        jdbc.prepareStatement("""
                INSERT INTO devices (id, user_id, client_id, external_id, device_type, name, user_agent, ip,
                                     created_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, statement -> {
            statement.setObject(1, device.id());
            statement.setObject(2, userId);
            statement.setString(3, clientId);
            statement.setString(4, device.externalId());
            statement.setString(5, device.type().code());
            statement.setString(6, device.name());
            statement.setString(7, device.userAgent());
            statement.setString(8, device.ip());
            statement.setTimestamp(9, Timestamp.from(now));
            statement.setTimestamp(10, Timestamp.from(now));
            return statement.executeUpdate();
        });
        return new Registration(device, replaced);
    }

    /**
     * Serializes the sign-ins of one user to one client until the login's transaction ends: a second login
     * with the same {@code device_id} then replaces the first instead of colliding with it on the unique
     * index, and the session policy, which runs after this in the same transaction, sees every device
     * committed before it (READ COMMITTED takes a new snapshot per statement).
     */
    private void lockSignIns(UUID userId, String clientId) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", statement -> {
            statement.setString(1, "tessera-sign-in:" + userId + ":" + clientId);
            return statement.execute();
        });
    }

    @Override
    @ReadOnly
    public Optional<Device> findById(UUID id) {
        return jdbc.prepareStatement("SELECT * FROM devices WHERE id = ?", statement -> {
            statement.setObject(1, id);
            return SqlRows.first(statement, JdbcDeviceStore::map);
        });
    }

    @Override
    @Transactional
    public Optional<Device> lock(UUID id) {
        // NO KEY UPDATE, like the sign-out's UPDATE: holders queue instead of upgrading a shared lock into a deadlock.
        return jdbc.prepareStatement("SELECT * FROM devices WHERE id = ? FOR NO KEY UPDATE", statement -> {
            statement.setObject(1, id);
            return SqlRows.first(statement, JdbcDeviceStore::map);
        });
    }

    @Override
    @ReadOnly
    public List<Device> activeDevices(UUID userId, String clientId) {
        return jdbc.prepareStatement("""
                SELECT * FROM devices WHERE user_id = ? AND revoked_at IS NULL AND (?::varchar IS NULL OR client_id = ?)
                ORDER BY created_at DESC, id
                """, statement -> {
            statement.setObject(1, userId);
            statement.setString(2, clientId);
            statement.setString(3, clientId);
            return SqlRows.all(statement, JdbcDeviceStore::map);
        });
    }

    @Override
    @Transactional
    public void touch(UUID id, Instant now) {
        Instant previous = lastTouched.get(id);
        if (previous != null && previous.plus(TOUCH_INTERVAL).isAfter(now)) {
            return;
        }
        lastTouched.put(id, now);
        jdbc.prepareStatement("UPDATE devices SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setObject(2, id);
            statement.setTimestamp(3, Timestamp.from(now.minus(TOUCH_INTERVAL)));
            return statement.executeUpdate();
        });
    }

    /** Forgets touch times past the interval: they no longer suppress a write, and the map must not grow forever. */
    @Scheduled(fixedDelay = "5m", initialDelay = "5m")
    void forgetOldTouches() {
        Instant cutoff = Instant.now().minus(TOUCH_INTERVAL);
        lastTouched.values().removeIf(touched -> touched.isBefore(cutoff));
    }

    int rememberedTouches() {
        return lastTouched.size();
    }

    @Override
    @Transactional
    public boolean revoke(UUID id, String reason, Instant now) {
        lastTouched.remove(id);
        return jdbc.prepareStatement(
                "UPDATE devices SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    statement.setString(2, reason);
                    statement.setObject(3, id);
                    return statement.executeUpdate() == 1;
                });
    }

    private static Device map(ResultSet rs) throws SQLException {
        return new Device(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("client_id"), rs.getString("external_id"),
                DeviceType.parse(rs.getString("device_type")).orElseThrow(), rs.getString("name"),
                rs.getString("user_agent"), rs.getString("ip"), SqlRows.instant(rs, "created_at"),
                SqlRows.instant(rs, "last_seen_at"), SqlRows.instant(rs, "revoked_at"), rs.getString("revoke_reason"));
    }

}
