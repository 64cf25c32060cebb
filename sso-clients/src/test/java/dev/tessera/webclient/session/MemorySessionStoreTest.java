package dev.tessera.webclient.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MemorySessionStoreTest extends SessionStoreContract {

    private final MemorySessionStore store = new MemorySessionStore(Duration.ofMinutes(30), Clock.systemUTC());

    @Override
    protected SessionStore sessions() {
        return store;
    }

    @Override
    protected OneTimeStore once() {
        return store;
    }

    @Test
    void idleSessionsExpireAndReadsSlideTheExpiry() {
        MutableClock clock = new MutableClock();
        MemorySessionStore sliding = new MemorySessionStore(Duration.ofMinutes(30), clock);
        WebSession session = session("sid");
        sliding.save(session);
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertTrue(sliding.find(session.id()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertTrue(sliding.find(session.id()).isPresent(), "the read 20 minutes in renewed it");
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertTrue(sliding.find(session.id()).isEmpty());
        assertEquals(0, sliding.all().size());
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
