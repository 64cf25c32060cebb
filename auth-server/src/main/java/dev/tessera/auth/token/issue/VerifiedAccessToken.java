package dev.tessera.auth.token.issue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An access token whose signature, issuer, type and lifetime have been checked. */
public record VerifiedAccessToken(String jti, String subject, String clientId, String scope, String deviceId,
                                  String username, List<String> roles, List<String> audience, Instant issuedAt,
                                  Instant notBefore, Instant expiresAt, Map<String, Object> claims) {
}
