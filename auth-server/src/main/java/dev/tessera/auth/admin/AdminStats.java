package dev.tessera.auth.admin;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.device.DeviceProperties;
import dev.tessera.auth.revocation.RevocationOutbox;
import dev.tessera.auth.revocation.RevocationRelay;
import dev.tessera.auth.sso.session.SsoProperties;
import dev.tessera.auth.support.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Live numbers for the admin API ({@code GET /admin/stats}) and the console's dashboard, from
 * PostgreSQL, so every replica answers alike: online users, active devices and SSO sessions, events
 * of the last minute, and how far revocations lag behind on their way to Redis.
 */
@Singleton
public class AdminStats {

    private final JdbcOperations jdbc;
    private final RevocationOutbox outbox;
    private final RevocationRelay relay;
    private final DeviceProperties devices;
    private final SsoProperties sso;
    private final Clock clock;

    public AdminStats(JdbcOperations jdbc, RevocationOutbox outbox, RevocationRelay relay, DeviceProperties devices,
                      SsoProperties sso, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.relay = relay;
        this.devices = devices;
        this.sso = sso;
        this.clock = clock;
    }

    @ReadOnly
    public AdminStatsController.Stats now() {
        Instant now = clock.instant();
        Instant minuteAgo = now.minus(Duration.ofMinutes(1));
        return new AdminStatsController.Stats(
                count("SELECT count(DISTINCT user_id) FROM devices WHERE revoked_at IS NULL AND last_seen_at > ?",
                        now.minus(devices.onlineWindow())),
                count("SELECT count(*) FROM devices WHERE revoked_at IS NULL"),
                // A browser signed in at the SSO and not signed out, younger than the sessions' absolute timeout.
                count("SELECT count(*) FROM devices WHERE revoked_at IS NULL AND client_id = ? AND created_at > ?",
                        SsoProperties.SSO_CLIENT_ID, now.minus(sso.absoluteTimeout())),
                events(AuditEvent.TOKEN_REFRESHED, minuteAgo),
                events(AuditEvent.LOGIN_SUCCEEDED, minuteAgo),
                events(AuditEvent.LOGIN_FAILED, minuteAgo),
                events(AuditEvent.DEVICE_KICKED, minuteAgo),
                events(AuditEvent.REFRESH_REUSE_DETECTED, now.minus(Duration.ofDays(1))),
                outbox.countPending(),
                outbox.oldestPendingAgeSeconds(now),
                !relay.degraded());
    }

    /**
     * Logins and refreshes per bucket of {@code bucket} over the last {@code window}, oldest first, for
     * the dashboard's chart. Index {@code i} covers {@code [start + i*bucket, start + (i+1)*bucket)}; the
     * bucket still filling is left out, so the last point is never a partial count read as a drop.
     */
    @ReadOnly
    public Activity activity(Duration window, Duration bucket) {
        long bucketSeconds = bucket.toSeconds();
        long end = Math.floorDiv(clock.instant().getEpochSecond(), bucketSeconds);
        int buckets = (int) (window.toSeconds() / bucketSeconds);
        long first = end - buckets;
        long[] logins = new long[buckets];
        long[] refreshes = new long[buckets];
        jdbc.prepareStatement("""
                SELECT event_type, floor(extract(epoch FROM occurred_at) / ?)::bigint AS bucket, count(*) AS n
                FROM audit_events WHERE event_type IN (?, ?) AND occurred_at >= ? AND occurred_at < ? GROUP BY 1, 2
                """, s -> {
            bind(s, bucketSeconds, AuditEvent.LOGIN_SUCCEEDED, AuditEvent.TOKEN_REFRESHED,
                    Instant.ofEpochSecond(first * bucketSeconds), Instant.ofEpochSecond(end * bucketSeconds));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long[] series = AuditEvent.LOGIN_SUCCEEDED.equals(rs.getString("event_type")) ? logins : refreshes;
                    series[(int) (rs.getLong("bucket") - first)] = rs.getLong("n");
                }
            }
            return null;
        });
        return new Activity(Instant.ofEpochSecond(first * bucketSeconds), bucket, logins, refreshes);
    }

    private long events(String type, Instant since) {
        return count("SELECT count(*) FROM audit_events WHERE event_type = ? AND occurred_at > ?", type, since);
    }

    private long count(String sql, Object... params) {
        return jdbc.prepareStatement(sql, s -> {
            bind(s, params);
            return SqlRows.count(s);
        });
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i] instanceof Instant at ? Timestamp.from(at) : params[i]);
        }
    }

    /** Event counts per bucket, oldest first, from {@code start}. */
    public record Activity(Instant start, Duration bucket, long[] logins, long[] refreshes) {
    }
}
