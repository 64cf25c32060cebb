package dev.tessera.auth.token.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.crypto.Hashes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshTokenStore} must do. Subclasses supply the store and an owner to attach families to. */
public abstract class RefreshTokenStoreContract {

    protected static final RotationPolicy POLICY = new RotationPolicy(Duration.ofSeconds(10), Duration.ofDays(7));
    // Databases keep microseconds; whole milliseconds compare equal everywhere.
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract RefreshTokenStore store();

    /** A user, client and device the family may reference; the client id is {@link Owner#clientId()}. */
    protected abstract Owner newOwner();

    /** Rows a family needs to exist beside. */
    public record Owner(UUID userId, String clientId, UUID deviceId) {
    }

    private RefreshFamily startFamily(Owner owner, byte[] firstHash) {
        RefreshFamily family = new RefreshFamily(UUID.randomUUID(), owner.userId(), owner.clientId(), owner.deviceId(),
                "openid", now, now, now.plus(Duration.ofDays(30)), null, null);
        store().startFamily(family, firstHash, now.plus(Duration.ofDays(7)));
        return family;
    }

    private static byte[] newHash() {
        return Hashes.sha256(UUID.randomUUID().toString());
    }

    @Test
    void startedFamilyIsFoundByTokenHash() {
        Owner owner = newOwner();
        byte[] hash = newHash();
        RefreshFamily family = startFamily(owner, hash);

        StoredRefreshToken found = store().find(hash).orElseThrow();
        assertEquals(family.id(), found.family().id());
        assertEquals(owner.deviceId(), found.family().deviceId());
        assertEquals(null, found.rotatedAt());
        assertTrue(store().find(newHash()).isEmpty());
    }

    @Test
    void rotateStoresSuccessorAndMarksThePresentedTokenRotated() {
        Owner owner = newOwner();
        byte[] first = newHash();
        byte[] second = newHash();
        startFamily(owner, first);

        RotationResult result = store().rotate(first, second, owner.clientId(), POLICY, now.plusSeconds(60));

        RotationResult.Rotated rotated = assertInstanceOf(RotationResult.Rotated.class, result);
        assertFalse(rotated.graceRetry());
        assertNotNull(store().find(first).orElseThrow().rotatedAt());
        assertEquals(rotated.family().id(), store().find(second).orElseThrow().family().id());
        assertEquals(now.plusSeconds(60), store().find(second).orElseThrow().family().lastRefreshedAt());
    }

    @Test
    void rotatedTokenWithinGraceGetsASiblingAndAfterGraceRevokesTheFamily() {
        Owner owner = newOwner();
        byte[] first = newHash();
        startFamily(owner, first);
        store().rotate(first, newHash(), owner.clientId(), POLICY, now);

        RotationResult sibling = store().rotate(first, newHash(), owner.clientId(), POLICY, now.plusSeconds(10));
        assertTrue(assertInstanceOf(RotationResult.Rotated.class, sibling).graceRetry());

        RotationResult reuse = store().rotate(first, newHash(), owner.clientId(), POLICY, now.plusSeconds(11));
        RotationResult.ReuseDetected detected = assertInstanceOf(RotationResult.ReuseDetected.class, reuse);
        assertEquals("refresh_token_reuse", detected.family().revokeReason());
        assertNotNull(store().find(first).orElseThrow().family().revokedAt());
    }

    @Test
    void wrongClientIsRejectedWithoutChangingAnything() {
        Owner owner = newOwner();
        byte[] first = newHash();
        byte[] successor = newHash();
        startFamily(owner, first);

        RotationResult result = store().rotate(first, successor, "someone-else", POLICY, now);

        assertEquals(RotationPolicy.Decision.WRONG_CLIENT, assertInstanceOf(RotationResult.Rejected.class, result).reason());
        assertEquals(null, store().find(first).orElseThrow().rotatedAt());
        assertTrue(store().find(successor).isEmpty());
    }

    @Test
    void unknownTokenIsRejected() {
        RotationResult result = store().rotate(newHash(), newHash(), "cli", POLICY, now);
        assertEquals(RotationPolicy.Decision.UNKNOWN, assertInstanceOf(RotationResult.Rejected.class, result).reason());
    }

    @Test
    void revokedFamilyRejectsEveryToken() {
        Owner owner = newOwner();
        byte[] first = newHash();
        RefreshFamily family = startFamily(owner, first);

        assertTrue(store().revokeFamily(family.id(), "admin_kick", now));
        assertFalse(store().revokeFamily(family.id(), "admin_kick", now), "revoking twice reports nothing new");

        RotationResult result = store().rotate(first, newHash(), owner.clientId(), POLICY, now);
        RotationResult.Rejected rejected = assertInstanceOf(RotationResult.Rejected.class, result);
        assertEquals(RotationPolicy.Decision.FAMILY_REVOKED, rejected.reason());
        assertEquals("admin_kick", rejected.family().revokeReason());
    }

    @Test
    void revokeFamiliesOfDeviceRevokesOnlyThatDevicesLiveFamilies() {
        Owner owner = newOwner();
        startFamily(owner, newHash());
        startFamily(owner, newHash());
        Owner other = newOwner();
        byte[] otherToken = newHash();
        startFamily(other, otherToken);

        List<RefreshFamily> revoked = store().revokeFamiliesOfDevice(owner.deviceId(), "user_kick", now);

        assertEquals(2, revoked.size());
        assertTrue(revoked.stream().allMatch(f -> "user_kick".equals(f.revokeReason())));
        assertEquals(null, store().find(otherToken).orElseThrow().family().revokedAt());
        assertEquals(0, store().revokeFamiliesOfDevice(owner.deviceId(), "user_kick", now).size());
    }

    @Test
    void aDeviceHasALiveFamilyUntilItsLastOneIsRevokedOrPastItsAbsoluteLifetime() {
        Owner owner = newOwner();
        RefreshFamily first = startFamily(owner, newHash());
        RefreshFamily second = startFamily(owner, newHash());
        assertTrue(store().hasLiveFamily(owner.deviceId(), now));

        store().revokeFamily(first.id(), "revoked_by_client", now);
        assertTrue(store().hasLiveFamily(owner.deviceId(), now), "the second family is still live");
        assertFalse(store().hasLiveFamily(owner.deviceId(), second.absoluteExpiresAt()), "past its absolute lifetime");

        store().revokeFamily(second.id(), "revoked_by_client", now);
        assertFalse(store().hasLiveFamily(owner.deviceId(), now));
        assertFalse(store().hasLiveFamily(newOwner().deviceId(), now), "a device without families");
    }

    @Test
    void concurrentRotationsOfOneTokenRotateExactlyOnce() throws Exception {
        Owner owner = newOwner();
        byte[] first = newHash();
        startFamily(owner, first);
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RotationResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store().rotate(first, newHash(), owner.clientId(), POLICY, now);
                }));
            }
            start.countDown();
            int rotations = 0;
            int siblings = 0;
            for (Future<RotationResult> future : results) {
                RotationResult.Rotated rotated = assertInstanceOf(RotationResult.Rotated.class, future.get());
                if (rotated.graceRetry()) {
                    siblings++;
                } else {
                    rotations++;
                }
            }
            assertEquals(1, rotations);
            assertEquals(threads - 1, siblings);
        } finally {
            pool.shutdownNow();
        }
    }
}
