package dev.tessera.webclient.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} and {@link OneTimeStore} must do; run by the Redis and memory stores. */
public abstract class SessionStoreContract {

    protected abstract SessionStore sessions();

    protected abstract OneTimeStore once();

    static WebSession session(String sid) {
        return new WebSession(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "alice", "Alice", List.of("user"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), sid, "csrf-1", "id.token.x", "refresh-x",
                Instant.now().plusSeconds(300).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void savedSessionIsFoundWithEveryField() {
        WebSession session = session("sid-" + UUID.randomUUID());
        sessions().save(session);
        assertEquals(session, sessions().find(session.id()).orElseThrow());
        assertTrue(sessions().find(UUID.randomUUID().toString()).isEmpty());
        assertTrue(sessions().find(null).isEmpty());
    }

    @Test
    void updatedTokensReplaceTheOldOnes() {
        WebSession session = session("sid-" + UUID.randomUUID());
        sessions().save(session);
        WebSession refreshed = session.withTokens("refresh-y", session.accessExpiresAt().plusSeconds(60));
        sessions().save(refreshed);
        assertEquals(refreshed, sessions().find(session.id()).orElseThrow());
    }

    @Test
    void replacingTokensUpdatesALiveSessionButNeverRevivesAnEndedOne() {
        WebSession session = session("sid-" + UUID.randomUUID());
        sessions().save(session);
        WebSession refreshed = session.withTokens("refresh-y", session.accessExpiresAt().plusSeconds(60));
        assertTrue(sessions().replaceTokens(refreshed));
        assertEquals(refreshed, sessions().find(session.id()).orElseThrow());

        sessions().deleteBySid(session.sid()); // a back-channel logout lands while the next refresh is in flight
        assertFalse(sessions().replaceTokens(refreshed.withTokens("refresh-z", refreshed.accessExpiresAt().plusSeconds(60))));
        assertTrue(sessions().find(session.id()).isEmpty(), "the ended session stays ended");
    }

    @Test
    void deleteEndsOneSession() {
        WebSession a = session("sid-" + UUID.randomUUID());
        WebSession b = session(a.sid());
        sessions().save(a);
        sessions().save(b);
        sessions().delete(a.id());
        assertTrue(sessions().find(a.id()).isEmpty());
        assertTrue(sessions().find(b.id()).isPresent());
    }

    @Test
    void deleteBySidEndsEverySessionOfThatDeviceOnly() {
        String sid = "sid-" + UUID.randomUUID();
        WebSession a = session(sid);
        WebSession b = session(sid);
        WebSession other = session("sid-" + UUID.randomUUID());
        sessions().save(a);
        sessions().save(b);
        sessions().save(other);
        assertEquals(2, sessions().deleteBySid(sid));
        assertTrue(sessions().find(a.id()).isEmpty());
        assertTrue(sessions().find(b.id()).isEmpty());
        assertTrue(sessions().find(other.id()).isPresent());
        assertEquals(0, sessions().deleteBySid(sid));
    }

    @Test
    void oneTimeValuesAreTakenOnceAndNotOverwritten() {
        String key = "k-" + UUID.randomUUID();
        assertTrue(once().putIfAbsent(key, "first", Duration.ofMinutes(1)));
        assertFalse(once().putIfAbsent(key, "second", Duration.ofMinutes(1)), "a replay is refused");
        assertEquals("first", once().take(key).orElseThrow());
        assertTrue(once().take(key).isEmpty());
    }

    @Test
    void oneTimeValuesExpire() throws InterruptedException {
        String key = "k-" + UUID.randomUUID();
        once().putIfAbsent(key, "v", Duration.ofMillis(200));
        Thread.sleep(400);
        assertTrue(once().take(key).isEmpty());
        assertTrue(once().putIfAbsent(key, "again", Duration.ofMinutes(1)), "the key is free again");
    }
}
