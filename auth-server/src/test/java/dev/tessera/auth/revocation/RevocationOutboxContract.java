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
    void userMarksCoverTokensIssuedAtOrBeforeThemDeviceMarksAndJtisAlways() {
        String device = id();
        String user = id();
        String jti = id();
        store().enqueue(mark(new RevocationTarget(RevocationEvent.Kind.USER, user), now));
        store().enqueue(mark(new RevocationTarget(RevocationEvent.Kind.DEVICE, device), now));
        store().enqueue(mark(new RevocationTarget(RevocationEvent.Kind.JTI, jti), now.minusSeconds(60)));
        store().enqueue(mark(RevocationTarget.deviceClient(id(), "mail"), now));

        assertTrue(store().isRevoked(new RevocableToken(id(), id(), user, "cli", now)));
        assertFalse(store().isRevoked(new RevocableToken(id(), id(), user, "cli", now.plusMillis(1))), "after the user mark");
        assertTrue(store().isRevoked(new RevocableToken(id(), device, id(), "cli", now.plusSeconds(1))), "any of the device's");
        assertTrue(store().isRevoked(new RevocableToken(jti, null, user, "cli", now.plusSeconds(1))));
        assertFalse(store().isRevoked(new RevocableToken(id(), id(), id(), "mail", now)), "another device's client mark");
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

    @Test
    void liveRowsArePendingAgainAfterARequeueAndExpiredOnesAreNot() {
        RevocationEvent live = new RevocationEvent(RevocationEvent.Kind.JTI, id(), now, now.plusSeconds(300), "test");
        RevocationEvent over = new RevocationEvent(RevocationEvent.Kind.JTI, id(), now, now.plusSeconds(1), "test");
        store().enqueue(live);
        store().enqueue(over);
        for (RevocationOutbox.Pending pending : store().lockPending(100_000)) {
            store().markPublished(pending.id(), now);
        }
        assertTrue(store().lockPending(100_000).stream().noneMatch(p -> p.event().equals(live) || p.event().equals(over)));

        assertTrue(store().requeueLive(now.plusSeconds(2)) >= 1);

        List<RevocationOutbox.Pending> again = store().lockPending(100_000);
        assertTrue(again.stream().anyMatch(p -> p.event().equals(live)), "a revocation that still matters is published again");
        assertTrue(again.stream().noneMatch(p -> p.event().equals(over)), "one whose tokens have all expired is not");
    }
}
