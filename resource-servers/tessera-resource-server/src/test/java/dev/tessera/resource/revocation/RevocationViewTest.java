package dev.tessera.resource.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.contract.revocation.RevocableToken;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationTarget;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RevocationViewTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final RevocationView view = new RevocationView(Clock.fixed(NOW, ZoneOffset.UTC));

    private void apply(RevocationEvent.Kind kind, String subject, long revokedAgoMillis, long relevantForMillis) {
        view.apply(new RevocationEvent(kind, subject, NOW.minusMillis(revokedAgoMillis), NOW.plusMillis(relevantForMillis),
                "test"));
    }

    private boolean revoked(String jti, String device, String user, Instant issuedAt) {
        return view.isRevoked(new RevocableToken(jti, device, user, "cli", issuedAt));
    }

    @Test
    void jtiIsRevokedUntilItStopsMattering() {
        apply(RevocationEvent.Kind.JTI, "j1", 1000, 60_000);
        assertTrue(revoked("j1", "d", "u", NOW.minusSeconds(10)));
        assertFalse(revoked("j2", "d", "u", NOW.minusSeconds(10)));
    }

    @Test
    void deviceAndUserMarksCoverTokensIssuedUpToTheMark() {
        apply(RevocationEvent.Kind.DEVICE, "d1", 1000, 60_000);
        apply(RevocationEvent.Kind.USER, "u1", 5000, 60_000);
        assertTrue(revoked("x", "d1", "other", NOW.minusMillis(1000)));
        assertFalse(revoked("x", "d1", "other", NOW.minusMillis(999)), "issued after the device mark");
        assertTrue(revoked("x", null, "u1", NOW.minusMillis(6000)));
        assertFalse(revoked("x", null, "u1", NOW.minusMillis(4000)));
    }

    @Test
    void aDeviceClientMarkCoversOnlyThatClient() {
        RevocationTarget target = RevocationTarget.deviceClient("d1", "cli");
        apply(target.kind(), target.subject(), 0, 60_000);
        assertTrue(revoked("x", "d1", "u", NOW.minusSeconds(1)));
        assertFalse(view.isRevoked(new RevocableToken("x", "d1", "u", "docs", NOW.minusSeconds(1))));
    }

    @Test
    void laterMarkWinsAndEarlierOneDoesNotUndoIt() {
        apply(RevocationEvent.Kind.USER, "u1", 5000, 60_000);
        apply(RevocationEvent.Kind.USER, "u1", 1000, 60_000);
        apply(RevocationEvent.Kind.USER, "u1", 9000, 60_000);
        assertTrue(revoked("x", null, "u1", NOW.minusMillis(2000)), "the later mark of -1 s still applies");
    }

    @Test
    void entriesThatNoLongerMatterAreIgnoredAndPruned() {
        apply(RevocationEvent.Kind.JTI, "old", 60_000, -1);
        apply(RevocationEvent.Kind.DEVICE, "d", 60_000, 1000);
        assertFalse(revoked("old", null, "u", NOW.minusSeconds(120)));
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
