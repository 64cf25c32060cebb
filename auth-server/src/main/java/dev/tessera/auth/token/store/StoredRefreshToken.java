package dev.tessera.auth.token.store;

import java.time.Instant;

/**
 * A refresh token as stored: its hash, its family and its state.
 *
 * @param rotatedAt       when it was first exchanged for a successor; null while it is current
 * @param successorSealed that successor, sealed under this token (null while it is current)
 */
public record StoredRefreshToken(byte[] hash, RefreshFamily family, Instant issuedAt, Instant expiresAt,
                                 Instant rotatedAt, byte[] successorSealed) {
}
