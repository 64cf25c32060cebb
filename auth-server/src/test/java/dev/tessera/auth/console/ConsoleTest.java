package dev.tessera.auth.console;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.CodeFlow;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Sql;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.support.WebApps;
import dev.tessera.auth.user.User;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin console over HTTP, as a browser drives it: it signs in through the SSO as the client
 * {@code console} (code + PKCE, scope admin), shows administrators their pages, refuses everyone else,
 * and acts only on a confirmed POST carrying the CSRF token.
 */
@MicronautTest(transactional = false)
class ConsoleTest extends IntegrationTest {

    private static final String CONSOLE_CALLBACK = "http://tessera.test/console/callback";

    @Inject
    TestAccounts accounts;
    @Inject
    Sql sql;

    private Browser admin() {
        Browser browser = new Browser(http);
        Http.Response dashboard = WebApps.signIn(browser, "/console", "admin", "admin-pass");
        assertEquals(200, dashboard.status(), dashboard::toString);
        return browser;
    }

    private Http.Response passwordLogin(User user, String deviceName) {
        Http.Response login = http.postForm("/oauth/token", "cli", "cli-secret", params("grant_type", "password",
                "username", user.username(), "password", TestAccounts.PASSWORD, "device_name", deviceName,
                "device_type", "mobile"));
        assertEquals(200, login.status(), login::toString);
        return login;
    }

    private static String sid(Http.Response login) throws Exception {
        return SignedJWT.parse(login.field("access_token")).getJWTClaimsSet().getStringClaim("sid");
    }

    @Test
    void theConsoleSignsInThroughTheSsoAsAPublicClientWithPkceAndTheAdminScope() {
        Browser browser = new Browser(http);
        Http.Response toAuthorize = browser.get("/console/users?q=ali");
        String authorize = toAuthorize.header("Location");
        assertTrue(authorize.contains("client_id=console") && authorize.contains("code_challenge_method=S256")
                && authorize.contains("scope=openid+admin"), authorize);

        Http.Response users = WebApps.signIn(new Browser(http), "/console/users?q=ali", "admin", "admin-pass");
        assertEquals(200, users.status(), users::toString);
        assertTrue(users.body().contains("data-username=\"alice\""), "back on the page asked for, with its query");
        assertTrue(users.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }

    @Test
    void aUserWithoutTheAdminRoleGets403() {
        Http.Response page = WebApps.signIn(new Browser(http), "/console", "bob", "bob-pass");
        assertEquals(403, page.status(), page::toString);
        assertTrue(page.body().contains("Administrators only"));
    }

    @Test
    void theDashboardShowsTheNumbersAndAChart() {
        Browser browser = admin();
        Http.Response page = browser.get("/console");
        assertTrue(page.body().contains("data-tile=\"logins_per_second\""), page.body());
        assertTrue(page.body().matches("(?s).*<polyline id=\"series-logins\" class=\"series logins\" points=\"44\\.0,[0-9.]+ .*"),
                "a polyline with points");
        assertTrue(page.body().contains("<script nonce=\"") && page.body().contains("src=\"/assets/dashboard.js\""));

        Http.Response live = browser.get("/console/dashboard.json");
        assertEquals(200, live.status(), live::toString);
        assertEquals(8, live.json().get("tiles").size());
        assertEquals(30, live.json().get("chart").get("logins").asText().split(" ").length, "5 minutes of 10 s buckets");
    }

    @Test
    void anAdminSignsOutOneDeviceAfterConfirmingAndItsRefreshIsRefused() throws Exception {
        User user = accounts.user("user");
        Http.Response phone = passwordLogin(user, "Phone");
        Http.Response laptop = passwordLogin(user, "Laptop");
        Browser browser = admin();
        String userPage = "/console/users/" + user.id();
        assertTrue(browser.get(userPage).body().contains("data-device=\"" + sid(phone) + "\""));

        String action = userPage + "/devices/" + sid(phone) + "/sign-out";
        Http.Response confirm = browser.get(action);
        assertEquals(200, confirm.status(), confirm::toString);
        assertTrue(confirm.body().contains("Sign out this device?") && confirm.body().contains("Phone"));
        Http.Response done = browser.postForm(action, Browser.hiddenInputs(confirm));
        assertEquals(303, done.status(), done::toString);
        assertEquals(userPage + "?done=device-signed-out", done.header("Location"));
        assertTrue(browser.get(done.header("Location")).body().contains("data-notice=\"device-signed-out\""));

        Http.Response refused = http.postForm("/oauth/token", "cli", "cli-secret",
                params("grant_type", "refresh_token", "refresh_token", phone.field("refresh_token")));
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("invalid_grant", refused.field("error"));
        Http.Response stillFine = http.postForm("/oauth/token", "cli", "cli-secret",
                params("grant_type", "refresh_token", "refresh_token", laptop.field("refresh_token")));
        assertEquals(200, stillFine.status(), "the other device is untouched");
        String adminId = java.util.UUID.nameUUIDFromBytes("tessera-demo-user:admin".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        assertEquals("user:" + adminId, sql.string("SELECT actor FROM audit_events WHERE device_id = ?::uuid "
                + "AND event_type = 'device.kicked'", sid(phone)), "the audit log names the administrator");
    }

    @Test
    void everyConsoleActionWithoutTheCsrfTokenIsRefused() throws Exception {
        User user = accounts.user("user");
        Http.Response phone = passwordLogin(user, "Phone");
        Browser browser = admin();
        String userPage = "/console/users/" + user.id();
        String kidBefore = sql.string("SELECT kid FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1");
        for (String action : new String[] {userPage + "/devices/" + sid(phone) + "/sign-out",
                userPage + "/sign-out-everywhere", userPage + "/revoke-before", "/console/keys/rotate"}) {
            for (Map<String, String> form : new Map[] {Map.of(), Map.of("csrf", "forged-" + "x".repeat(25))}) {
                Http.Response refused = browser.postForm(action, form);
                assertEquals(403, refused.status(), action + " " + form + ": " + refused);
                assertTrue(refused.body().contains("This form has expired"), refused.body());
            }
        }
        assertTrue(new dev.tessera.auth.support.Logins(http).active(phone.field("access_token")), "nothing was signed out");
        assertEquals(kidBefore, sql.string("SELECT kid FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1"),
                "no key was rotated");
    }

    @Test
    void theConsolesCodeCannotBeRedeemedByAnotherClientNorWithoutItsVerifier() {
        Browser browser = new Browser(http);
        Http.Response back = new CodeFlow(browser).authorize("console", CONSOLE_CALLBACK, "openid admin", "admin", "admin-pass");
        String code = CodeFlow.code(back, CONSOLE_CALLBACK);

        Http.Response asMail = http.postForm("/oauth/token", "mail", "mail-secret", params("grant_type", "authorization_code",
                "code", code, "redirect_uri", CONSOLE_CALLBACK, "code_verifier", CodeFlow.VERIFIER));
        assertEquals(400, asMail.status(), asMail::toString);
        assertEquals("invalid_grant", asMail.field("error"));
        Http.Response withoutVerifier = http.postForm("/oauth/token", params("grant_type", "authorization_code",
                "client_id", "console", "code", code, "redirect_uri", CONSOLE_CALLBACK));
        assertEquals(400, withoutVerifier.status(), withoutVerifier::toString);
        assertFalse(withoutVerifier.body().contains("access_token"));
    }

    @Test
    void anotherClientCannotUseTheConsolesRedirectUri() {
        Http.Response spa = new Browser(http).get(CodeFlow.authorizeUri("spa", CONSOLE_CALLBACK, "openid"));
        assertEquals(400, spa.status(), "shown, never redirected: " + spa);
    }

    @Test
    void aCallbackThisBrowserDidNotStartIsRefused() {
        Browser attacker = new Browser(http);
        Http.Response back = new CodeFlow(attacker).authorize("console", CONSOLE_CALLBACK, "openid admin", "admin", "admin-pass");
        Http.Response victim = new Browser(http).get(WebApps.pathOf(back.header("Location")));
        assertEquals(400, victim.status(), "login CSRF: " + victim);
        assertEquals(null, victim.header("Set-Cookie") == null ? null
                : victim.header("Set-Cookie").startsWith("tessera_console=") ? "session" : null, "no console session");
    }

    @Test
    void signingTheBrowserOutEndsItsConsoleSessionAtOnce() {
        User admin = accounts.user("user", "admin");
        Browser browser = new Browser(http);
        assertEquals(200, WebApps.signIn(browser, "/console", admin.username(), TestAccounts.PASSWORD).status());

        Http.Response kick = http.send("/admin/users/" + admin.id() + "/devices", "DELETE", null, null,
                "Bearer " + new dev.tessera.auth.support.Logins(http).adminToken());
        assertEquals(200, kick.status(), kick::toString);

        Http.Response after = browser.get("/console");
        assertEquals(302, after.status(), "the console's token is revoked with the browser's device: " + after);
        Http.Response authorize = browser.get(after.header("Location"));
        assertTrue(authorize.header("Location").startsWith("/login?"), "and the SSO session ended: sign in again");
    }

    @Test
    void rotatingTheKeysFromTheConsoleIsConfirmedThenAudited() {
        Browser browser = admin();
        String before = sql.string("SELECT kid FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1");
        Http.Response confirm = browser.get("/console/keys/rotate");
        assertTrue(confirm.body().contains("Rotate the signing keys?") && confirm.body().contains(before), confirm.body());

        Http.Response done = browser.postForm("/console/keys/rotate", Browser.hiddenInputs(confirm));
        assertEquals(303, done.status(), done::toString);
        String after = sql.string("SELECT kid FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1");
        assertFalse(after.equals(before), "a new key signs");
        assertTrue(done.header("Location").startsWith("/console/keys?done=key-rotated"));
        Http.Response keys = browser.get("/console/keys");
        assertTrue(keys.body().contains("id=\"" + after + "\"") && keys.body().contains("id=\"" + before + "\""),
                "both published");
        assertTrue(sql.string("SELECT detail FROM audit_events WHERE event_type = 'key.rotated' ORDER BY id DESC LIMIT 1")
                .contains("kid=" + after), "audited like the admin API's rotation");
    }
}
