package dev.tessera.contract.revocation;

import java.time.Instant;
import java.util.function.Function;

/**
 * The one rule every revocation check applies, wherever its marks come from (Redis on the auth
 * server, the outbox in PostgreSQL when Redis is down, a resource server's in-memory view): a
 * {@code jti} mark refuses that token outright; a device, user or device-client mark refuses every
 * token issued at or before the instant the mark was made, and none issued after it (a user who
 * signs in again after a kick gets working tokens). {@code iat} has one-second resolution (RFC 7519
 * NumericDate as Tessera writes it), so a mark covers every token issued in the second it was made:
 * a sign-in within that same second gets a token that is refused until its first refresh.
 */
public final class RevocationRule {

    private RevocationRule() {
    }

    /** Whether a mark of this kind, made at {@code revokedAtMillis}, covers a token issued at {@code issuedAt}. */
    public static boolean covers(RevocationEvent.Kind kind, long revokedAtMillis, Instant issuedAt) {
        return kind == RevocationEvent.Kind.JTI || issuedAt.toEpochMilli() <= revokedAtMillis;
    }

    /**
     * Whether any live mark refuses the token. {@code liveMark} answers a target's mark (its revokedAt
     * in epoch millis), or null when there is none or it no longer matters.
     */
    public static boolean isRevoked(RevocableToken token, Function<RevocationTarget, Long> liveMark) {
        for (RevocationTarget target : token.targets()) {
            Long revokedAt = liveMark.apply(target);
            if (revokedAt != null && covers(target.kind(), revokedAt, token.issuedAt())) {
                return true;
            }
        }
        return false;
    }
}
