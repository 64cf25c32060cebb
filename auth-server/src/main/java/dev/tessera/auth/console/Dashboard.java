package dev.tessera.auth.console;

import dev.tessera.auth.admin.AdminStats;
import dev.tessera.auth.admin.AdminStatsController;
import dev.tessera.auth.keys.KeyRotation;
import dev.tessera.auth.webapp.Display;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the dashboard shows, from the admin API's own numbers ({@link AdminStats}): tiles, the rate
 * chart and the signing keys. The page and its JSON refresh ({@link #live}) are built from the same record.
 */
public record Dashboard(List<Tile> tiles, RateChart chart, String updatedAt, List<KeyRotation.PublishedKey> keys) {

    /** The chart's window and resolution: 5 minutes in 10-second buckets. */
    public static final Duration WINDOW = Duration.ofMinutes(5);
    public static final Duration BUCKET = Duration.ofSeconds(10);

    public static Dashboard of(AdminStatsController.Stats stats, AdminStats.Activity activity,
                              List<KeyRotation.PublishedKey> keys, Instant now) {
        List<Tile> tiles = List.of(
                new Tile("online_users", "Online users", Long.toString(stats.onlineUsers()), ""),
                new Tile("active_sso_sessions", "Active SSO sessions", Long.toString(stats.activeSsoSessions()), ""),
                new Tile("active_devices", "Active devices", Long.toString(stats.activeDevices()), ""),
                new Tile("logins_per_second", "Logins / s", perSecond(stats.loginsLastMinute()), ""),
                new Tile("refreshes_per_second", "Refreshes / s", perSecond(stats.refreshesLastMinute()), ""),
                new Tile("failed_logins", "Failed logins / min", Long.toString(stats.failedLoginsLastMinute()),
                        stats.failedLoginsLastMinute() > 0 ? "bad" : ""),
                new Tile("revocation_lag", "Revocation lag", lag(stats), stats.revocationFeedHealthy() ? "good" : "bad"),
                new Tile("reuse_detections", "Reuse detected / day", Long.toString(stats.reuseDetectionsLastDay()),
                        stats.reuseDetectionsLastDay() > 0 ? "bad" : ""));
        return new Dashboard(tiles, RateChart.of(activity), Display.time(now), keys);
    }

    /** What the page's script fetches every few seconds: everything but the keys (a rotation reloads the page). */
    public Live live() {
        return new Live(tiles, chart, updatedAt);
    }

    private static String perSecond(long lastMinute) {
        return String.format(Locale.ROOT, "%.2f", lastMinute / 60.0);
    }

    private static String lag(AdminStatsController.Stats stats) {
        if (!stats.revocationFeedHealthy()) {
            return "Redis unreachable, " + stats.revocationsPending() + " waiting";
        }
        return stats.revocationsPending() == 0 ? "0 s"
                : String.format(Locale.ROOT, "%.1f s (%d waiting)", stats.revocationLagSeconds(), stats.revocationsPending());
    }

    /** The JSON of {@code GET /console/dashboard.json}. */
    @Serdeable
    public record Live(List<Tile> tiles, RateChart chart, String updatedAt) {
    }

    /** One number of the dashboard; {@code tone} is "", "good" or "bad". */
    @Serdeable
    public record Tile(String key, String label, String value, String tone) {
    }
}
