package dev.tessera.auth.token.store;

import java.time.Instant;

/** The outcome of presenting a refresh token. */
public sealed interface RotationResult {

    /**
     * A successor was stored, or (a retry within the grace window) the one stored at the rotation is
     * handed out again: {@code sealedSuccessor} is that successor, sealed under the presented token.
     */
    record Rotated(RefreshFamily family, Instant successorExpiresAt, byte[] sealedSuccessor) implements RotationResult {

        /** Whether this is a retry within the grace window (the earlier successor, not a new one). */
        public boolean graceRetry() {
            return sealedSuccessor != null;
        }
    }

    /** A rotated token came back after the grace window: the family is now revoked. */
    record ReuseDetected(RefreshFamily family) implements RotationResult {
    }

    /** Nothing changed; {@code family} is null when the token is unknown. */
    record Rejected(RotationPolicy.Decision reason, RefreshFamily family) implements RotationResult {
    }
}
