package dev.tessera.auth.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tessera.auth.security.AdminAuthority;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * {@code GET /admin/stats}: online users (devices seen within the online window), active devices and
 * SSO sessions, refreshes, logins and kicks in the last minute, reuse detections in the last day, and
 * whether revocations are reaching Redis ({@link AdminStats}).
 */
@SecurityRequirement(name = "bearer")
@Controller("/admin/stats")
@Secured(AdminAuthority.NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminStatsController {

    private final AdminStats stats;

    public AdminStatsController(AdminStats stats) {
        this.stats = stats;
    }

    @Get
    public Stats stats() {
        return stats.now();
    }

    /** Live numbers. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // empty lists and nulls are answers too
    public record Stats(
            @JsonProperty("online_users") long onlineUsers,
            @JsonProperty("active_devices") long activeDevices,
            @JsonProperty("active_sso_sessions") long activeSsoSessions,
            @JsonProperty("refreshes_last_minute") long refreshesLastMinute,
            @JsonProperty("logins_last_minute") long loginsLastMinute,
            @JsonProperty("failed_logins_last_minute") long failedLoginsLastMinute,
            @JsonProperty("kicks_last_minute") long kicksLastMinute,
            @JsonProperty("reuse_detections_last_day") long reuseDetectionsLastDay,
            @JsonProperty("revocations_pending") long revocationsPending,
            @JsonProperty("revocation_lag_seconds") double revocationLagSeconds,
            @JsonProperty("revocation_feed_healthy") boolean revocationFeedHealthy) {
    }
}
