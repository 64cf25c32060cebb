package dev.tessera.auth.revocation;

import java.time.Instant;

/** The shared, short-lived view of what is revoked, consulted for every access token check. */
public interface Denylist {

    /** Records the revocation and announces it to subscribers. */
    void apply(RevocationEvent event);

    /**
     * True when the token with this jti, device (sid) and subject, issued at {@code issuedAt}, is
     * revoked by any of: its own jti, a device mark or a user mark at or after its issue time.
     */
    boolean isRevoked(String jti, String deviceId, String userId, Instant issuedAt);
}
