package dev.tessera.auth.support;

import dev.tessera.testing.Http;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

/** Token requests the tests make again and again, with the demo clients. */
public final class Logins {

    private final Http http;

    public Logins(Http http) {
        this.http = http;
    }

    public Http.Response password(String username, String password) {
        return http.postForm("/oauth/token", "cli", "cli-secret",
                params("grant_type", "password", "username", username, "password", password));
    }

    /** The demo admin's access token for the admin API: cli asks for the admin scope explicitly. */
    public String adminToken() {
        Http.Response response = http.postForm("/oauth/token", "cli", "cli-secret", params("grant_type", "password",
                "username", "admin", "password", "admin-pass", "scope", "admin"));
        assertEquals(200, response.status(), response::toString);
        return response.field("access_token");
    }

    /** A successful password login as alice (or fails the test). */
    public Http.Response alice() {
        Http.Response response = password("alice", "alice-pass");
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    public Http.Response refresh(String refreshToken) {
        return http.postForm("/oauth/token", "cli", "cli-secret",
                params("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /**
     * Introspects as RFC 7662 §4 allows: an access token (a JWT) as the resource server {@code orders-api},
     * which may ask about every token for its audience; a refresh token as {@code cli}, its own client.
     */
    public Http.Response introspect(String token) {
        if (token.chars().filter(c -> c == '.').count() == 2) {
            return http.postForm("/oauth/introspect", "orders-api", "orders-api-secret", Map.of("token", token));
        }
        return http.postForm("/oauth/introspect", "cli", "cli-secret", Map.of("token", token));
    }

    public boolean active(String token) {
        Http.Response response = introspect(token);
        assertEquals(200, response.status(), response::toString);
        return response.json().get("active").asBoolean();
    }

    public Http.Response revoke(String token) {
        return http.postForm("/oauth/revoke", "cli", "cli-secret", Map.of("token", token));
    }
}
