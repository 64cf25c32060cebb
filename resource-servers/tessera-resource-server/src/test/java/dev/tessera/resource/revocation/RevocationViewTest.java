package dev.tessera.resource.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RevocationViewTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final RevocationView view = new RevocationView(Clock.fixed(NOW, ZoneOffset.UTC));
    private final long now = NOW.toEpochMilli();

    @Test
    void jtiIsRevokedUntilItStopsMattering() {
        view.apply("jti", "j1", now - 1000, now + 60_000);
        assertTrue(view.isRevoked("j1", "d", "u", NOW.minusSeconds(10)));
        assertFalse(view.isRevoked("j2", "d", "u", NOW.minusSeconds(10)));
    }

    @Test
    void deviceAndUserMarksCoverTokensIssuedUpToTheMark() {
        view.apply("device", "d1", now - 1000, now + 60_000);
        view.apply("user", "u1", now - 5000, now + 60_000);
        assertTrue(view.isRevoked("x", "d1", "other", NOW.minusMillis(1000)));
        assertFalse(view.isRevoked("x", "d1", "other", NOW.minusMillis(999)), "issued after the device mark");
        assertTrue(view.isRevoked("x", null, "u1", NOW.minusMillis(6000)));
        assertFalse(view.isRevoked("x", null, "u1", NOW.minusMillis(4000)));
    }

    @Test
    void laterMarkWinsAndEarlierOneDoesNotUndoIt() {
        view.apply("user", "u1", now - 5000, now + 60_000);
        view.apply("user", "u1", now - 1000, now + 60_000);
        view.apply("user", "u1", now - 9000, now + 60_000);
        assertTrue(view.isRevoked("x", null, "u1", NOW.minusMillis(2000)), "the later mark of -1 s still applies");
    }

    @Test
    void entriesThatNoLongerMatterAreIgnoredAndPruned() {
        view.apply("jti", "old", now - 60_000, now - 1);
        view.apply("device", "d", now - 60_000, now + 1000);
        view.apply("nonsense", "x", now, now + 1000);
        assertFalse(view.isRevoked("old", null, "u", NOW.minusSeconds(120)));
        assertEquals(1, view.size());
        view.prune();
        assertEquals(1, view.size());
    }

    @Test
    void silenceCountsFromTheLastAnswer() {
        assertTrue(view.silenceMillis() > 1_000_000, "never fresh before the first snapshot");
        view.markFresh();
        assertEquals(0, view.silenceMillis());
    }
}
