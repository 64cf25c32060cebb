package dev.tessera.auth.device;

import java.time.Instant;
import java.util.UUID;

/** One login on one user agent. */
public record Device(UUID id, UUID userId, String clientId, String externalId, DeviceType type, String name,
                     String userAgent, String ip, Instant createdAt, Instant lastSeenAt, Instant revokedAt,
                     String revokeReason) {

    public boolean active() {
        return revokedAt == null;
    }
}
