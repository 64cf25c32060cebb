package dev.tessera.auth.admin;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.client.AccessTokenType;
import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.CodeFlow;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.token.issue.AccessTokenIssuer;
import dev.tessera.auth.token.issue.AccessTokenRequest;
import dev.tessera.auth.user.User;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 #2: the admin API needs the {@code admin} role and the {@code admin} scope, and only
 * designated clients (the console, {@code cli} when asked explicitly) may obtain that scope. Before
 * the fix every token of an admin user, whichever app it was issued to, could call {@code /admin/*}.
 */
@MicronautTest(transactional = false)
class AdminScopeTest extends IntegrationTest {

    private static final String MAIL_CALLBACK = "http://127.0.0.1:8091/callback";

    @Inject
    TestAccounts accounts;
    @Inject
    AccessTokenIssuer issuer;

    private Http.Response passwordToken(String username, String password, String scope) {
        var form = params("grant_type", "password", "username", username, "password", password);
        if (scope != null) {
            form.put("scope", scope);
        }
        return http.postForm("/oauth/token", "cli", "cli-secret", form);
    }

    private int adminUsersStatus(String accessToken) {
        return http.get("/admin/users?size=1", "Bearer " + accessToken).status();
    }

    @Test
    void adminSignedIntoMailCannotCallAdminApi() {
        Http.Response back = new CodeFlow(new Browser(http)).authorize("mail", MAIL_CALLBACK, "openid profile",
                "admin", "admin-pass");
        Http.Response tokens = http.postForm("/oauth/token", "mail", "mail-secret", params("grant_type",
                "authorization_code", "code", CodeFlow.code(back, MAIL_CALLBACK), "redirect_uri", MAIL_CALLBACK,
                "code_verifier", CodeFlow.VERIFIER));
        assertEquals(200, tokens.status(), tokens::toString);

        assertEquals(403, adminUsersStatus(tokens.field("access_token")), "mail's token of an admin is not an admin token");
        assertEquals(403, http.send("/admin/keys/rotate", "POST", null, null, "Bearer " + tokens.field("access_token")).status());
    }

    @Test
    void adminPasswordLoginWithDefaultScopesCannotCallAdminApi() {
        Http.Response login = passwordToken("admin", "admin-pass", null);
        assertEquals(200, login.status(), login::toString);
        assertFalse(login.field("scope").contains("admin"), "admin is never a default scope: " + login.field("scope"));
        assertEquals(403, adminUsersStatus(login.field("access_token")));
    }

    @Test
    void cliAskingExplicitlyForTheAdminScopeGetsAnAdminToken() {
        Http.Response login = passwordToken("admin", "admin-pass", "openid admin");
        assertEquals(200, login.status(), login::toString);
        assertEquals("admin openid", login.field("scope"));
        assertEquals(200, adminUsersStatus(login.field("access_token")));
    }

    @Test
    void anotherClientAskingForTheAdminScopeIsRefused() {
        Http.Response refused = new CodeFlow(new Browser(http)).authorize("mail", MAIL_CALLBACK, "openid admin",
                "admin", "admin-pass");
        assertEquals("invalid_scope", Browser.queryParam(refused, "error"), refused.header("Location"));
        assertTrue(refused.header("Location").startsWith(MAIL_CALLBACK + "?"), "sent back to mail, no code");
    }

    @Test
    void aUserWithoutTheAdminRoleAskingForTheAdminScopeGetsANarrowerScope() {
        Http.Response login = passwordToken("alice", "alice-pass", "openid admin");
        assertEquals(200, login.status(), login::toString);
        assertEquals("openid", login.field("scope"), "RFC 6749 §3.3: the server may grant less, and says so");
        assertEquals(403, adminUsersStatus(login.field("access_token")));

        Http.Response onlyAdmin = passwordToken("alice", "alice-pass", "admin");
        assertEquals(400, onlyAdmin.status(), onlyAdmin::toString);
        assertEquals("invalid_scope", onlyAdmin.field("error"));
    }

    @Test
    void clientCredentialsNeverCarryTheAdminScope() {
        Http.Response response = http.postForm("/oauth/token", "cli", "cli-secret",
                params("grant_type", "client_credentials", "scope", "admin"));
        assertEquals(400, response.status(), response::toString);
        assertEquals("invalid_scope", response.field("error"));
    }

    @Test
    void aTokenWithTheAdminScopeButWithoutTheAdminRoleIsRefused() throws Exception {
        User user = accounts.user("user");
        String token = issuer.issue(new AccessTokenRequest(user.id().toString(), "cli", Set.of("admin"), null,
                user.username(), Set.of("user"), AccessTokenType.AT_JWT)).value();
        assertEquals("admin", SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("scope"));
        assertEquals(403, adminUsersStatus(token));
    }
}
