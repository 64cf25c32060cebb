package dev.tessera.auth.sso.session;

import java.time.Instant;
import java.util.UUID;

/**
 * A browser signed in at the auth server: one user, one device. {@code handle} is the SHA-256 (hex) of
 * the session id the browser's cookie holds; the id itself is stored nowhere.
 */
public record SsoSession(String handle, UUID userId, UUID deviceId, Instant authTime, Instant createdAt) {
}
