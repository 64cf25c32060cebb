package dev.tessera.auth.token.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.auth.token.store.RotationPolicy.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RotationPolicyTest {

    private static final RotationPolicy POLICY = new RotationPolicy(Duration.ofSeconds(10), Duration.ofDays(7));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static StoredRefreshToken token(Instant rotatedAt, Instant lastRefreshed, Instant revokedAt) {
        RefreshFamily family = new RefreshFamily(UUID.randomUUID(), UUID.randomUUID(), "cli", UUID.randomUUID(), "openid",
                T0, lastRefreshed, T0.plus(Duration.ofDays(30)), revokedAt, revokedAt == null ? null : "admin_kick");
        return new StoredRefreshToken(new byte[32], family, T0, T0.plus(Duration.ofDays(7)), rotatedAt, null);
    }

    @Test
    void currentTokenRotates() {
        assertEquals(Decision.ROTATE, POLICY.decide(token(null, T0, null), "cli", T0.plusSeconds(1)));
    }

    @Test
    void rotatedTokenIsASiblingUpToTheEndOfTheGraceWindowAndReuseAfter() {
        StoredRefreshToken rotated = token(T0, T0, null);
        assertEquals(Decision.GRACE_RETRY, POLICY.decide(rotated, "cli", T0.plusSeconds(10)));
        assertEquals(Decision.REUSE, POLICY.decide(rotated, "cli", T0.plusSeconds(10).plusMillis(1)));
    }

    @Test
    void clientMismatchWinsOverEverythingElse() {
        assertEquals(Decision.WRONG_CLIENT, POLICY.decide(token(T0, T0, T0), "docs", T0.plusSeconds(60)));
    }

    @Test
    void revokedFamilyIsReportedEvenForARotatedToken() {
        assertEquals(Decision.FAMILY_REVOKED, POLICY.decide(token(T0, T0, T0), "cli", T0.plusSeconds(60)));
    }

    @Test
    void idleAndAbsoluteLifetimesExpireTheFamily() {
        assertEquals(Decision.EXPIRED, POLICY.decide(token(null, T0, null), "cli", T0.plus(Duration.ofDays(7))));
        StoredRefreshToken recent = token(null, T0.plus(Duration.ofDays(29)), null);
        assertEquals(Decision.ROTATE, POLICY.decide(recent, "cli", T0.plus(Duration.ofDays(6))));
        assertEquals(Decision.EXPIRED, POLICY.decide(recent, "cli", T0.plus(Duration.ofDays(30))));
    }

    @Test
    void unknownTokenIsUnknown() {
        assertEquals(Decision.UNKNOWN, POLICY.decide(null, "cli", T0));
    }

    @Test
    void successorNeverOutlivesTheFamily() {
        RefreshFamily family = token(null, T0, null).family();
        assertEquals(T0.plus(Duration.ofDays(8)), POLICY.successorExpiry(family, T0.plus(Duration.ofDays(1))));
        assertEquals(T0.plus(Duration.ofDays(30)), POLICY.successorExpiry(family, T0.plus(Duration.ofDays(28))));
    }
}
