package dev.tessera.webclient.session;

import java.time.Instant;
import java.util.List;

/**
 * What this client keeps about a signed-in user, and nothing more: who (id, name, roles), since when,
 * which SSO device ({@code sid}), the CSRF token of its forms, the ID token (the {@code id_token_hint}
 * of RP-initiated logout), the refresh token and when the last access token expires. The access token
 * itself is not kept: this app calls no API with it, and at ~800 bytes it would be half of every
 * session (docs/comparison.md measures what a session costs).
 */
public record WebSession(String id, String userId, String username, String name, List<String> roles, Instant loginTime,
                         String sid, String csrf, String idToken, String refreshToken, Instant accessExpiresAt) {

    /** After a refresh: the rotated refresh token and the new access token's expiry. */
    public WebSession withTokens(String refreshToken, Instant accessExpiresAt) {
        return new WebSession(id, userId, username, name, roles, loginTime, sid, csrf, idToken, refreshToken,
                accessExpiresAt);
    }
}
