package dev.tessera.contract.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tessera.contract.Claims;
import dev.tessera.contract.revocation.RevocableToken;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An access token whose signature, type, issuer and lifetime have been checked, and what it says. */
public record VerifiedAccessToken(String jti, String subject, String clientId, String scope, String deviceId,
                                  String username, List<String> roles, List<String> audience, Instant issuedAt,
                                  Instant notBefore, Instant expiresAt, Map<String, Object> claims) {

    /** Reads verified claims; a claim of the wrong JSON type makes the token invalid. */
    static VerifiedAccessToken of(JWTClaimsSet claims) throws InvalidJwtException {
        try {
            List<String> roles = claims.getStringListClaim(Claims.ROLES);
            Instant iat = claims.getIssueTime().toInstant();
            return new VerifiedAccessToken(claims.getJWTID(), claims.getSubject(), claims.getStringClaim(Claims.CLIENT_ID),
                    claims.getStringClaim(Claims.SCOPE), claims.getStringClaim(Claims.SID),
                    claims.getStringClaim(Claims.PREFERRED_USERNAME), roles == null ? List.of() : List.copyOf(roles),
                    claims.getAudience(), iat,
                    claims.getNotBeforeTime() == null ? iat : claims.getNotBeforeTime().toInstant(),
                    claims.getExpirationTime().toInstant(), claims.toJSONObject());
        } catch (ParseException | RuntimeException e) {
            throw new InvalidJwtException("claims", "claim of the wrong type: " + e.getMessage());
        }
    }

    /** What a revocation check needs. */
    public RevocableToken revocable() {
        return new RevocableToken(jti, deviceId, subject, clientId, issuedAt);
    }

    /** The scopes, one per entry. */
    public List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        if (scope != null) {
            for (String s : scope.split(" ")) {
                if (!s.isEmpty()) {
                    scopes.add(s);
                }
            }
        }
        return scopes;
    }
}
