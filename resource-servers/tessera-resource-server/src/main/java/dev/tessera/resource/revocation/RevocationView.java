package dev.tessera.resource.revocation;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is revoked, in memory: jtis, and revoked-before marks per device ({@code sid}) and per
 * user ({@code sub}). Lookups are map reads; entries drop out once every token they could refuse
 * has expired. Freshness is tracked for the staleness bound.
 */
@Singleton
public class RevocationView {

    /** One revocation: when it was made and until when it matters. */
    record Mark(long revokedAtMillis, long relevantUntilMillis) {
    }

    private final Clock clock;
    private final Map<String, Mark> jtis = new ConcurrentHashMap<>();
    private final Map<String, Mark> devices = new ConcurrentHashMap<>();
    private final Map<String, Mark> users = new ConcurrentHashMap<>();
    private volatile long freshAtMillis;

    public RevocationView() {
        this(Clock.systemUTC());
    }

    RevocationView(Clock clock) {
        this.clock = clock;
    }

    /** Applies one event ({@code kind} jti, device or user); unknown kinds are ignored. */
    public void apply(String kind, String subject, long revokedAtMillis, long relevantUntilMillis) {
        Map<String, Mark> target = switch (kind) {
            case "jti" -> jtis;
            case "device" -> devices;
            case "user" -> users;
            default -> null;
        };
        if (target == null || subject == null || relevantUntilMillis <= clock.millis()) {
            return;
        }
        // Keep the latest mark: a later revoked-before covers everything an earlier one did.
        target.merge(subject, new Mark(revokedAtMillis, relevantUntilMillis),
                (old, fresh) -> fresh.revokedAtMillis >= old.revokedAtMillis ? fresh : old);
    }

    public boolean isRevoked(String jti, String deviceId, String userId, Instant issuedAt) {
        long now = clock.millis();
        Mark jti0 = jti == null ? null : jtis.get(jti);
        if (jti0 != null && jti0.relevantUntilMillis > now) {
            return true;
        }
        long iat = issuedAt.toEpochMilli();
        return covers(deviceId == null ? null : devices.get(deviceId), iat, now)
                || covers(userId == null ? null : users.get(userId), iat, now);
    }

    private static boolean covers(Mark mark, long issuedAtMillis, long now) {
        return mark != null && mark.relevantUntilMillis > now && issuedAtMillis <= mark.revokedAtMillis;
    }

    /** Drops everything, before a fresh snapshot is applied. */
    void clear() {
        jtis.clear();
        devices.clear();
        users.clear();
    }

    /** Forgets entries whose tokens have all expired. */
    void prune() {
        long now = clock.millis();
        jtis.values().removeIf(m -> m.relevantUntilMillis <= now);
        devices.values().removeIf(m -> m.relevantUntilMillis <= now);
        users.values().removeIf(m -> m.relevantUntilMillis <= now);
    }

    /** The feed answered just now (a read returned, even an empty one). */
    void markFresh() {
        freshAtMillis = clock.millis();
    }

    /** Milliseconds since the feed last answered; the whole uptime before the first snapshot. */
    public long silenceMillis() {
        return clock.millis() - freshAtMillis;
    }

    public int size() {
        return jtis.size() + devices.size() + users.size();
    }
}
