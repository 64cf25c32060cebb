package dev.tessera.webclient.web;

import dev.tessera.webclient.WebClientProperties;
import dev.tessera.webclient.oidc.TokenEndpoint;
import dev.tessera.webclient.session.OneTimeStore;
import dev.tessera.webclient.session.SessionStore;
import dev.tessera.webclient.session.WebSession;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a session's access token fresh with its rotating refresh token. When two requests of one
 * user race (two tabs, parallel XHRs, two replicas), exactly one refreshes: a lock per session in
 * this JVM and one in the session store across replicas; the others wait and use its result.
 * Should both still reach the auth server, its grace window turns the second into a sibling.
 */
@Singleton
public class TokenRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);
    private static final Duration EARLY = Duration.ofSeconds(30);
    private static final Duration LOCK_TTL = Duration.ofSeconds(10);

    private final SessionStore sessions;
    private final OneTimeStore once;
    private final TokenEndpoint tokens;
    private final WebClientProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public TokenRefresher(SessionStore sessions, OneTimeStore once, TokenEndpoint tokens, WebClientProperties properties) {
        this.sessions = sessions;
        this.once = once;
        this.tokens = tokens;
        this.properties = properties;
    }

    /** The session with a usable access token, or empty when the sign-in has ended (session removed). */
    public Optional<WebSession> fresh(WebSession session) {
        if (!needsRefresh(session)) {
            return Optional.of(session);
        }
        Object lock = locks.computeIfAbsent(session.id(), id -> new Object());
        synchronized (lock) {
            try {
                return refreshOnce(session.id());
            } finally {
                locks.remove(session.id());
            }
        }
    }

    private boolean needsRefresh(WebSession session) {
        return session.accessExpiresAt().minus(EARLY).isBefore(clock.instant());
    }

    private Optional<WebSession> refreshOnce(String id) {
        String lockKey = "refresh-lock:" + id;
        long deadline = clock.millis() + LOCK_TTL.toMillis();
        while (clock.millis() < deadline) {
            Optional<WebSession> current = sessions.find(id);
            if (current.isEmpty() || !needsRefresh(current.get())) {
                return current; // ended meanwhile, or another request (or replica) refreshed it
            }
            if (once.putIfAbsent(lockKey, properties.serverId(), LOCK_TTL)) {
                try {
                    return refresh(current.get());
                } finally {
                    once.take(lockKey);
                }
            }
            pause();
        }
        return sessions.find(id);
    }

    private Optional<WebSession> refresh(WebSession session) {
        if (session.refreshToken() == null) {
            return Optional.of(session);
        }
        try {
            TokenEndpoint.Tokens fresh = tokens.refresh(session.refreshToken());
            WebSession updated = session.withTokens(fresh.refreshToken(),
                    clock.instant().plusSeconds(fresh.expiresIn()).truncatedTo(ChronoUnit.MILLIS));
            if (!sessions.replaceTokens(updated)) {
                LOG.info("session {} ended while its tokens were refreshed; not bringing it back", session.id());
                return Optional.empty();
            }
            return Optional.of(updated);
        } catch (TokenEndpoint.Refused e) {
            if ("invalid_grant".equals(e.error())) {
                LOG.info("refresh refused ({}): ending session", e.getMessage());
                sessions.delete(session.id());
                return Optional.empty();
            }
            LOG.warn("refresh failed ({}): keeping the session for now", e.getMessage());
            return Optional.of(session);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
