package dev.tessera.webclient.session;

import java.time.Instant;
import java.util.List;

/**
 * What this client keeps about a signed-in user: who (id, name, roles), since when, which SSO device
 * ({@code sid}), the CSRF token of its forms, and the tokens it needs to call APIs and to log out.
 */
public record WebSession(String id, String userId, String username, String name, List<String> roles, Instant loginTime,
                         String sid, String csrf, String idToken, String accessToken, String refreshToken,
                         Instant accessExpiresAt) {

    public WebSession withTokens(String accessToken, String refreshToken, Instant accessExpiresAt) {
        return new WebSession(id, userId, username, name, roles, loginTime, sid, csrf, idToken, accessToken, refreshToken,
                accessExpiresAt);
    }
}
