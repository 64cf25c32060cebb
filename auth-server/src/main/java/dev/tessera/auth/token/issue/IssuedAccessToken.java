package dev.tessera.auth.token.issue;

import java.time.Instant;

/** A signed access token and the facts about it the caller needs. */
public record IssuedAccessToken(String value, String jti, Instant issuedAt, Instant expiresAt) {
}
