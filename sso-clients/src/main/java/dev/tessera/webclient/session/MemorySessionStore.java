package dev.tessera.webclient.session;

import dev.tessera.webclient.WebClientProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this replica's heap: the sticky scheme. Another replica does not know them, which is
 * exactly what the comparison measures. Sliding expiry, swept every minute.
 */
@Singleton
@Requires(property = "tessera.web-client.session-store", value = "memory")
public class MemorySessionStore implements SessionStore, OneTimeStore {

    private record Held<T>(T value, long expiresAtMillis) {
    }

    private final Map<String, Held<WebSession>> sessions = new ConcurrentHashMap<>();
    private final Map<String, Held<String>> once = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public MemorySessionStore(WebClientProperties properties) {
        this(properties.sessionTtl(), Clock.systemUTC());
    }

    MemorySessionStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public void save(WebSession session) {
        sessions.put(session.id(), new Held<>(session, clock.millis() + ttl.toMillis()));
    }

    @Override
    public boolean replaceTokens(WebSession refreshed) {
        long now = clock.millis();
        return sessions.computeIfPresent(refreshed.id(), (id, held) -> held.expiresAtMillis <= now ? null
                : new Held<>(held.value.withTokens(refreshed.refreshToken(), refreshed.accessExpiresAt()),
                        now + ttl.toMillis())) != null;
    }

    @Override
    public Optional<WebSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Held<WebSession> held = sessions.get(id);
        if (held == null || held.expiresAtMillis <= clock.millis()) {
            sessions.remove(id);
            return Optional.empty();
        }
        sessions.put(id, new Held<>(held.value, clock.millis() + ttl.toMillis()));
        return Optional.of(held.value);
    }

    @Override
    public void delete(String id) {
        sessions.remove(id);
    }

    @Override
    public int deleteBySid(String sid) {
        int before = sessions.size();
        sessions.values().removeIf(held -> held.value.sid().equals(sid));
        return before - sessions.size();
    }

    /** This replica's live sessions, oldest first (the sticky scheme's {@code /debug/sessions}). */
    public List<WebSession> all() {
        long now = clock.millis();
        return sessions.values().stream().filter(h -> h.expiresAtMillis > now).map(Held::value)
                .sorted(Comparator.comparing(WebSession::loginTime)).toList();
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        long now = clock.millis();
        Held<String> fresh = new Held<>(value, now + ttl.toMillis());
        Held<String> winner = once.compute(key, (k, old) -> old == null || old.expiresAtMillis <= now ? fresh : old);
        return winner == fresh;
    }

    @Override
    public Optional<String> take(String key) {
        Held<String> held = once.remove(key);
        return held == null || held.expiresAtMillis <= clock.millis() ? Optional.empty() : Optional.of(held.value);
    }

    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void sweep() {
        long now = clock.millis();
        sessions.values().removeIf(h -> h.expiresAtMillis <= now);
        once.values().removeIf(h -> h.expiresAtMillis <= now);
    }
}
