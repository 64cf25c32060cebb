package dev.tessera.auth.sso.session;

import java.time.Instant;
import java.util.UUID;

/** A browser signed in at the auth server: one user, one device. */
public record SsoSession(String id, UUID userId, UUID deviceId, Instant authTime, Instant createdAt) {
}
