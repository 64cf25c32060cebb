package dev.tessera.contract.jwt;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.tessera.contract.Claims;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 9068 §4 claim checks on Nimbus's {@link DefaultJWTClaimsVerifier}: {@code iss} exact,
 * {@code aud} contains ours (when the policy names one), {@code exp}/{@code nbf} within the skew,
 * against the policy's clock; §2.2's required claims present. A token without {@code nbf} may not be
 * used before its {@code iat}.
 */
final class AccessTokenClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

    private static final List<String> REQUIRED = List.of(JWTClaimNames.ISSUER, JWTClaimNames.SUBJECT,
            JWTClaimNames.EXPIRATION_TIME, JWTClaimNames.ISSUED_AT, JWTClaimNames.JWT_ID, Claims.CLIENT_ID);

    private final Clock clock;
    private final long skewMillis;

    AccessTokenClaimsVerifier(AccessTokenPolicy policy) {
        // Mutable sets on purpose: Nimbus asks them contains(null), which Set.of(...) answers with an exception.
        super(policy.audience() == null ? null : new HashSet<>(Set.of(policy.audience())),
                new JWTClaimsSet.Builder().issuer(policy.issuer()).build(), new HashSet<>(REQUIRED), null);
        setMaxClockSkew((int) policy.clockSkew().toSeconds());
        this.clock = policy.clock();
        this.skewMillis = policy.clockSkew().toMillis();
    }

    @Override
    protected Date currentTime() {
        return new Date(clock.millis());
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        try {
            super.verify(claims, context);
        } catch (BadJWTException e) {
            throw new JwtVerifier.RejectedClaims(reasonOf(e.getMessage()), e.getMessage());
        }
        if (claims.getNotBeforeTime() == null && claims.getIssueTime().getTime() - skewMillis > clock.millis()) {
            throw new JwtVerifier.RejectedClaims("not_yet_valid", "iat in the future");
        }
    }

    /** Nimbus's messages, as metric tags; AccessTokensTest pins them to the Nimbus version in use. */
    static String reasonOf(String message) {
        String m = String.valueOf(message);
        if (m.startsWith("Expired JWT")) {
            return "expired";
        }
        if (m.startsWith("JWT before use time")) {
            return "not_yet_valid";
        }
        if (m.contains("audience")) {
            return "audience";
        }
        if (m.startsWith("JWT iss claim")) {
            return "issuer";
        }
        return "claims";
    }
}
