package dev.tessera.auth.token.store;

import java.time.Duration;
import java.time.Instant;

/**
 * The rotation rules, as a pure function every store applies under its own lock.
 *
 * <p>A grace retry gets the <em>same</em> successor the rotation produced (kept sealed under the
 * rotated token, docs/token-lifecycle.md): a lost response or a second tab stays signed in, and
 * however often a rotated token is replayed within the window, the family remains one chain.
 *
 * @param graceWindow how long after rotation the old token still yields its successor
 * @param idleTtl     a family not refreshed for this long is expired; also each token's lifetime
 */
public record RotationPolicy(Duration graceWindow, Duration idleTtl) {

    /** What to do with a presented refresh token. */
    public enum Decision {
        ROTATE, GRACE_RETRY, REUSE, UNKNOWN, WRONG_CLIENT, FAMILY_REVOKED, EXPIRED
    }

    public Decision decide(StoredRefreshToken token, String clientId, Instant now) {
        if (token == null) {
            return Decision.UNKNOWN;
        }
        RefreshFamily family = token.family();
        // RFC 6749 §6: the refresh token is bound to the client it was issued to.
        if (!family.clientId().equals(clientId)) {
            return Decision.WRONG_CLIENT;
        }
        if (family.revokedAt() != null) {
            return Decision.FAMILY_REVOKED;
        }
        if (!now.isBefore(family.absoluteExpiresAt()) || !now.isBefore(family.lastRefreshedAt().plus(idleTtl))) {
            return Decision.EXPIRED;
        }
        if (token.rotatedAt() != null) {
            // RFC 9700 §4.14.2: a rotated token used again means two holders; revoke the family.
            return now.isAfter(token.rotatedAt().plus(graceWindow)) ? Decision.REUSE : Decision.GRACE_RETRY;
        }
        if (!now.isBefore(token.expiresAt())) {
            return Decision.EXPIRED;
        }
        return Decision.ROTATE;
    }

    /** A successor lives for the idle lifetime, never past the family's absolute end. */
    public Instant successorExpiry(RefreshFamily family, Instant now) {
        Instant idle = now.plus(idleTtl);
        return idle.isBefore(family.absoluteExpiresAt()) ? idle : family.absoluteExpiresAt();
    }
}
