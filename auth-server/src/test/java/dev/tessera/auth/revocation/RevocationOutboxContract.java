package dev.tessera.auth.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.contract.revocation.RevocableToken;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RevocationOutbox} must do; its answers follow the same mark rule as the
 * {@link DenylistContract} (RevocationRule), so PostgreSQL and Redis never disagree.
 */
public abstract class RevocationOutboxContract {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract RevocationOutbox store();

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private RevocationEvent mark(RevocationTarget target, Instant at) {
        return new RevocationEvent(target.kind(), target.subject(), at, now.plus(Duration.ofMinutes(5)), "test");
    }

    @Test
    void marksCoverTokensIssuedAtOrBeforeThemAndJtisAlways() {
        String device = id();
        String user = id();
        String jti = id();
        store().enqueue(mark(new RevocationTarget(RevocationEvent.Kind.DEVICE, device), now));
        store().enqueue(mark(new RevocationTarget(RevocationEvent.Kind.JTI, jti), now.minusSeconds(60)));
        store().enqueue(mark(RevocationTarget.deviceClient(id(), "mail"), now));

        assertTrue(store().isRevoked(new RevocableToken(id(), device, user, "cli", now)));
        assertFalse(store().isRevoked(new RevocableToken(id(), device, user, "cli", now.plusMillis(1))));
        assertTrue(store().isRevoked(new RevocableToken(jti, null, user, "cli", now.plusSeconds(1))));
        assertFalse(store().isRevoked(new RevocableToken(id(), id(), user, "mail", now)), "another device's client mark");
    }

    @Test
    void theLatestMarkOfATargetCounts() {
        String user = id();
        RevocationTarget target = new RevocationTarget(RevocationEvent.Kind.USER, user);
        store().enqueue(mark(target, now.minusSeconds(30)));
        store().enqueue(mark(target, now));
        assertTrue(store().isRevoked(new RevocableToken(id(), null, user, "cli", now.minusSeconds(10))));
    }

    @Test
    void pendingRowsAreRelayedOnceAndPrunedWhenTheyNoLongerMatter() {
        String jti = id();
        RevocationEvent event = new RevocationEvent(RevocationEvent.Kind.JTI, jti, now, now.plusSeconds(1), "test");
        store().enqueue(event);
        List<RevocationOutbox.Pending> pending = store().lockPending(100_000);
        RevocationOutbox.Pending ours = pending.stream().filter(p -> p.event().subject().equals(jti)).findFirst().orElseThrow();
        assertEquals(event, ours.event());
        assertTrue(store().oldestPendingAgeSeconds(now.plusSeconds(10)) >= 10);

        store().markPublished(ours.id(), now);
        assertTrue(store().lockPending(100_000).stream().noneMatch(p -> p.id() == ours.id()));
        store().prune(now.plusSeconds(2));
        assertFalse(store().isRevoked(new RevocableToken(jti, null, id(), "cli", now)), "pruned once it stopped mattering");
    }
}
