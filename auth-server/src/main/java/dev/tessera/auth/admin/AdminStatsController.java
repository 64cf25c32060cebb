package dev.tessera.auth.admin;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.security.AdminAuthority;
import dev.tessera.auth.support.SqlRows;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tessera.auth.device.DeviceProperties;
import dev.tessera.auth.revocation.RevocationOutbox;
import dev.tessera.auth.revocation.RevocationRelay;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /admin/stats}: online users (devices seen within the online window), active devices,
 * refreshes, logins and kicks in the last minute, reuse detections in the last day, and whether
 * revocations are reaching Redis.
 */
@Controller("/admin/stats")
@Secured(AdminAuthority.NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminStatsController {

    private final JdbcOperations jdbc;
    private final RevocationOutbox outbox;
    private final RevocationRelay relay;
    private final DeviceProperties devices;
    private final Clock clock;

    public AdminStatsController(JdbcOperations jdbc, RevocationOutbox outbox, RevocationRelay relay,
                                DeviceProperties devices, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.relay = relay;
        this.devices = devices;
        this.clock = clock;
    }

    @Get
    @ReadOnly
    public Stats stats() {
        Instant now = clock.instant();
        Instant minuteAgo = now.minus(Duration.ofMinutes(1));
        return new Stats(
                count("SELECT count(DISTINCT user_id) FROM devices WHERE revoked_at IS NULL AND last_seen_at > ?",
                        now.minus(devices.onlineWindow())),
                count("SELECT count(*) FROM devices WHERE revoked_at IS NULL"),
                events(AuditEvent.TOKEN_REFRESHED, minuteAgo),
                events(AuditEvent.LOGIN_SUCCEEDED, minuteAgo),
                events(AuditEvent.LOGIN_FAILED, minuteAgo),
                events(AuditEvent.DEVICE_KICKED, minuteAgo),
                events(AuditEvent.REFRESH_REUSE_DETECTED, now.minus(Duration.ofDays(1))),
                outbox.countPending(),
                !relay.degraded());
    }

    private long events(String type, Instant since) {
        return count("SELECT count(*) FROM audit_events WHERE event_type = ? AND occurred_at > ?", type, since);
    }

    private long count(String sql, Object... params) {
        return jdbc.prepareStatement(sql, s -> {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i] instanceof Instant at ? Timestamp.from(at) : params[i]);
            }
            return SqlRows.count(s);
        });
    }

    /** Live numbers. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // empty lists and nulls are answers too
    public record Stats(
            @JsonProperty("online_users") long onlineUsers,
            @JsonProperty("active_devices") long activeDevices,
            @JsonProperty("refreshes_last_minute") long refreshesLastMinute,
            @JsonProperty("logins_last_minute") long loginsLastMinute,
            @JsonProperty("failed_logins_last_minute") long failedLoginsLastMinute,
            @JsonProperty("kicks_last_minute") long kicksLastMinute,
            @JsonProperty("reuse_detections_last_day") long reuseDetectionsLastDay,
            @JsonProperty("revocations_pending") long revocationsPending,
            @JsonProperty("revocation_feed_healthy") boolean revocationFeedHealthy) {
    }
}
