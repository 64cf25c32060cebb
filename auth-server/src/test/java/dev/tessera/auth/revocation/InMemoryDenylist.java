package dev.tessera.auth.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A heap denylist for unit tests; it passes the same contract as {@link RedisDenylist}. */
public class InMemoryDenylist implements Denylist {

    private final Clock clock;
    private final Map<String, RevocationEvent> entries = new ConcurrentHashMap<>();
    private final List<RevocationEvent> published = new ArrayList<>();

    public InMemoryDenylist(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void apply(RevocationEvent event) {
        entries.put(event.kind().code() + ":" + event.subject(), event);
        published.add(event);
    }

    @Override
    public boolean isRevoked(String jti, String deviceId, String userId, Instant issuedAt) {
        return live("jti:" + jti) != null
                || covers(live("device:" + deviceId), issuedAt)
                || covers(live("user:" + userId), issuedAt);
    }

    private RevocationEvent live(String key) {
        RevocationEvent event = entries.get(key);
        return event != null && event.relevantUntil().isAfter(clock.instant()) ? event : null;
    }

    private static boolean covers(RevocationEvent mark, Instant issuedAt) {
        return mark != null && !issuedAt.isAfter(mark.revokedAt());
    }

    public synchronized List<RevocationEvent> published() {
        return List.copyOf(published);
    }
}
