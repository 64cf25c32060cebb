package dev.tessera.auth.token.grant;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.crypto.Argon2Hasher;
import dev.tessera.testing.Http;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.auth.user.User;
import dev.tessera.auth.user.UserStore;
import dev.tessera.auth.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class PasswordGrantTest extends IntegrationTest {

    @Inject
    UserStore users;
    @Inject
    Argon2Hasher hasher;
    @Inject
    Sql sql;

    @Test
    void passwordLoginIssuesRfc9068AccessTokenAndRefreshToken() throws Exception {
        Http.Response response = new Logins(http).alice();

        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("Bearer", response.field("token_type"));
        assertEquals(300, response.json().get("expires_in").asInt());
        assertEquals(43, response.field("refresh_token").length(), "256 bits, base64url");
        SignedJWT jwt = SignedJWT.parse(response.field("access_token"));
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        assertEquals("ES256", jwt.getHeader().getAlgorithm().getName(), "the default access-token algorithm");
        assertNotNull(jwt.getHeader().getKeyID());
        var claims = jwt.getJWTClaimsSet();
        assertEquals("http://tessera.test", claims.getIssuer());
        assertEquals("tessera-api", claims.getAudience().get(0));
        assertEquals("cli", claims.getStringClaim("client_id"));
        assertEquals("alice", claims.getStringClaim("preferred_username"));
        assertNotNull(claims.getStringClaim("sid"));
        assertNotNull(claims.getJWTID());
        assertNotNull(claims.getNotBeforeTime());
        assertEquals(300, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        assertEquals(Set.of("openid", "profile", "email", "offline_access", "orders:read", "orders:write"),
                Set.of(claims.getStringClaim("scope").split(" ")), "no scope requested: the client's defaults");
    }

    @Test
    void loginRegistersDeviceFromUserAgentAndRefreshTokenIsStoredOnlyAsHash() throws Exception {
        Http.Response response = http.send("/oauth/token", "POST", "application/x-www-form-urlencoded",
                Http.form(params("grant_type", "password", "username", "alice", "password", "alice-pass")),
                Http.basic("cli", "cli-secret"),
                java.util.Map.of("User-Agent", "Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile"));
        String sid = SignedJWT.parse(response.field("access_token")).getJWTClaimsSet().getStringClaim("sid");

        assertEquals("mobile", sql.string("SELECT device_type FROM devices WHERE id = ?", UUID.fromString(sid)));
        assertEquals("Chrome on Android", sql.string("SELECT name FROM devices WHERE id = ?", UUID.fromString(sid)));
        byte[] expectedHash = dev.tessera.auth.crypto.Hashes.sha256(response.field("refresh_token"));
        assertEquals(1, sql.count("SELECT count(*) FROM refresh_tokens WHERE token_hash = ?", (Object) expectedHash));
        assertEquals(0, sql.count("SELECT count(*) FROM refresh_tokens WHERE position(convert_to(?, 'UTF8') in token_hash) > 0",
                response.field("refresh_token")), "the raw token appears nowhere");
    }

    @Test
    void explicitDeviceParametersAreUsedAndValidated() {
        Http.Response ok = http.postForm("/oauth/token", "cli", "cli-secret", params("grant_type", "password",
                "username", "bob", "password", "bob-pass", "device_id", "phone-1", "device_type", "mobile",
                "device_name", "Bob's phone"));
        assertEquals(200, ok.status(), ok::toString);

        Http.Response bad = http.postForm("/oauth/token", "cli", "cli-secret", params("grant_type", "password",
                "username", "bob", "password", "bob-pass", "device_type", "toaster"));
        assertEquals(400, bad.status());
        assertEquals("invalid_request", bad.field("error"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameInvalidGrant() {
        Logins logins = new Logins(http);
        Http.Response wrong = logins.password("bob", "not-bobs-password");
        Http.Response unknown = logins.password("nobody-" + UUID.randomUUID(), "whatever");

        assertEquals(400, wrong.status());
        assertEquals("invalid_grant", wrong.field("error"));
        assertEquals(wrong.body(), unknown.body(), "no hint which usernames exist");
    }

    @Test
    void clientWithoutPasswordGrantIsUnauthorized() {
        Http.Response response = http.postForm("/oauth/token", "service-a", "service-a-secret",
                params("grant_type", "password", "username", "alice", "password", "alice-pass"));
        assertEquals(400, response.status());
        assertEquals("unauthorized_client", response.field("error"));
    }

    @Test
    void disabledAccountCannotLogIn() {
        String name = "disabled-" + UUID.randomUUID();
        users.save(new User(UUID.randomUUID(), name, hasher.hash("pw-123456"), "Disabled", null, Set.of(), true));
        Http.Response response = new Logins(http).password(name, "pw-123456");
        assertEquals("invalid_grant", response.field("error"));
    }

    @Test
    void repeatedFailuresLockTheAccountWith429AndRetryAfter() {
        String name = "throttled-" + UUID.randomUUID();
        users.save(new User(UUID.randomUUID(), name, hasher.hash("right-password"), "T", null, Set.of(), false));
        Logins logins = new Logins(http);
        for (int i = 0; i < 5; i++) {
            assertEquals(400, logins.password(name, "wrong-" + i).status(), "the first five failures are free");
        }
        assertEquals(400, logins.password(name, "wrong-again").status(), "the sixth failure sets the lock");

        Http.Response locked = logins.password(name, "right-password");
        assertEquals(429, locked.status(), locked::toString);
        assertEquals("invalid_grant", locked.field("error"));
        assertTrue(Integer.parseInt(locked.header("Retry-After")) >= 1);
    }

    @Test
    void requestedScopeBeyondTheClientsIsInvalidScope() {
        Http.Response response = http.postForm("/oauth/token", "cli", "cli-secret", params("grant_type", "password",
                "username", "alice", "password", "alice-pass", "scope", "openid admin:everything"));
        assertEquals(400, response.status());
        assertEquals("invalid_scope", response.field("error"));
    }

    @Test
    void auditRecordsSuccessAndFailureForTheAccount() {
        String name = "audited-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        users.save(new User(id, name, hasher.hash("right-password"), "A", null, Set.of(), false));
        Logins logins = new Logins(http);
        assertEquals(200, logins.password(name, "right-password").status());
        assertEquals(400, logins.password(name, "wrong-password").status());

        assertEquals(1, sql.count("SELECT count(*) FROM audit_events WHERE user_id = ? AND event_type = 'login.succeeded'", id));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_events WHERE user_id = ? AND event_type = 'login.failed'", id));
    }
}
