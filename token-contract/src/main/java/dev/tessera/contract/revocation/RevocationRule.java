package dev.tessera.contract.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The one rule every revocation check applies, wherever its marks come from (Redis on the auth
 * server, the outbox in PostgreSQL when Redis is down, a resource server's in-memory view):
 * <ul>
 *   <li>a {@code jti} mark refuses that token outright;</li>
 *   <li>a device mark refuses every token of that device, whenever it was issued: a signed-out device
 *       never signs in again (a new sign-in is a new device), so no issue time needs comparing, and a
 *       token minted by a replica whose clock is behind the one that made the mark is refused too;</li>
 *   <li>a user or device-client mark refuses every token issued at or before the instant the mark was
 *       made, and none issued after it (the user, or the client on that browser, signs in again and gets
 *       working tokens). The issue time is {@link dev.tessera.contract.Claims#ISSUED_AT_MILLIS} when the
 *       token has it (Tessera's do), so a sign-in a few milliseconds after a mark is not refused; for a
 *       token with only the whole-second {@code iat}, the mark covers the whole second it was made in.</li>
 * </ul>
 */
public final class RevocationRule {

    /**
     * The most leeway any verifier may allow on {@code exp}: a mark is kept until every token it could
     * refuse has expired by this much too ({@link #relevantUntil}), and every verifier built on this
     * contract refuses a larger clock skew at start-up ({@link dev.tessera.contract.jwt.AccessTokenPolicy}).
     */
    public static final Duration MAX_VERIFIER_CLOCK_SKEW = Duration.ofSeconds(60);

    private RevocationRule() {
    }

    /** Until when a mark matters for tokens that expire at {@code lastExpiry}: no verifier accepts them later. */
    public static Instant relevantUntil(Instant lastExpiry) {
        return lastExpiry.plus(MAX_VERIFIER_CLOCK_SKEW);
    }

    /** Whether a mark of this kind, made at {@code revokedAtMillis}, covers a token issued at {@code issuedAt}. */
    public static boolean covers(RevocationEvent.Kind kind, long revokedAtMillis, Instant issuedAt) {
        return kind == RevocationEvent.Kind.JTI || kind == RevocationEvent.Kind.DEVICE
                || issuedAt.toEpochMilli() <= revokedAtMillis;
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
