package dev.tessera.auth.token.store;

import java.time.Instant;
import java.util.UUID;

/** One login's chain of refresh tokens, bound to one user, client and device. */
public record RefreshFamily(UUID id, UUID userId, String clientId, UUID deviceId, String scope, Instant createdAt,
                            Instant lastRefreshedAt, Instant absoluteExpiresAt, Instant revokedAt,
                            String revokeReason) {

    public RefreshFamily touched(Instant now) {
        return new RefreshFamily(id, userId, clientId, deviceId, scope, createdAt, now, absoluteExpiresAt, revokedAt,
                revokeReason);
    }

    public RefreshFamily revoked(String reason, Instant now) {
        return new RefreshFamily(id, userId, clientId, deviceId, scope, createdAt, lastRefreshedAt, absoluteExpiresAt,
                now, reason);
    }
}
