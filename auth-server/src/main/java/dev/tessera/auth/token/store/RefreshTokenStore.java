package dev.tessera.auth.token.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Refresh families and tokens, keyed by SHA-256 of the token. Every method is atomic. */
public interface RefreshTokenStore {

    /** Stores a new family with its first token. */
    void startFamily(RefreshFamily family, byte[] firstTokenHash, Instant tokenExpiresAt);

    /**
     * Applies {@link RotationPolicy} to the presented token atomically: concurrent calls with the same
     * token see each other's effects (exactly one rotates; the others are grace siblings or reuse).
     */
    RotationResult rotate(byte[] presentedHash, byte[] successorHash, String clientId, RotationPolicy policy,
                          Instant now);

    Optional<StoredRefreshToken> find(byte[] hash);

    /** Revokes the family; false when it was already revoked or does not exist. */
    boolean revokeFamily(UUID familyId, String reason, Instant now);

    /** Whether the device still holds a family that is neither revoked nor past its absolute lifetime. */
    boolean hasLiveFamily(UUID deviceId, Instant now);

    /** Revokes every live family of the device and returns them. */
    List<RefreshFamily> revokeFamiliesOfDevice(UUID deviceId, String reason, Instant now);
}
