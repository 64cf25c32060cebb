package dev.tessera.auth.token.store;

import java.time.Instant;

/** The outcome of presenting a refresh token. */
public sealed interface RotationResult {

    /** A successor was stored; {@code graceRetry} when it is a sibling for a retry within the grace window. */
    record Rotated(RefreshFamily family, Instant successorExpiresAt, boolean graceRetry) implements RotationResult {
    }

    /** A rotated token came back after the grace window: the family is now revoked. */
    record ReuseDetected(RefreshFamily family) implements RotationResult {
    }

    /** Nothing changed; {@code family} is null when the token is unknown. */
    record Rejected(RotationPolicy.Decision reason, RefreshFamily family) implements RotationResult {
    }
}
