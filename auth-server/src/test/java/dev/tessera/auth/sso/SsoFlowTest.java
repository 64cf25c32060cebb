package dev.tessera.auth.sso;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.ClientApp;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The authorization code flow with PKCE and the SSO session, driven over HTTP like a browser would. */
@MicronautTest(transactional = false)
class SsoFlowTest extends IntegrationTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-and-some-more-entropy";

    @Inject
    TestAccounts accounts;
    @Inject
    dev.tessera.auth.support.Sql sql;

    private ClientApp app;
    private String base;

    @BeforeAll
    void startClientApp() throws Exception {
        app = ClientApp.start();
        base = app.base();
    }

    @AfterAll
    void stopClientApp() {
        app.close();
    }

    private Client client() {
        return accounts.ssoClient(base, app.backchannelUri());
    }

    private static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(verifier));
    }

    private String authorizeQuery(Client client, String extra) {
        return "/oauth/authorize?response_type=code&client_id=" + client.id() + "&redirect_uri=" + base + "/callback"
                + "&scope=openid%20profile&state=st-1&nonce=n-1&code_challenge=" + challenge(VERIFIER)
                + "&code_challenge_method=S256" + extra;
    }

    /** Authorize, log in on the form, and return the redirect back to the client. */
    private Http.Response loginAndAuthorize(Browser browser, Client client, String username, String password) {
        Http.Response toLogin = browser.get(authorizeQuery(client, ""));
        assertEquals(302, toLogin.status(), toLogin::toString);
        assertTrue(toLogin.header("Location").startsWith("/login?request="));
        Http.Response page = browser.get(toLogin.header("Location"));
        Map<String, String> form = Browser.hiddenInputs(page);
        form.put("username", username);
        form.put("password", password);
        return browser.postForm("/login", form);
    }

    private Http.Response redeem(Client client, String code, String verifier) {
        Map<String, String> form = params("grant_type", "authorization_code", "code", code, "redirect_uri", base + "/callback");
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return http.postForm("/oauth/token", client.id(), TestAccounts.SECRET, form);
    }

    @Test
    void loginOnceThenCodeWithPkceGivesTokensAndAnIdToken() throws Exception {
        Client client = client();
        Browser browser = new Browser(http);
        Http.Response back = loginAndAuthorize(browser, client, "alice", "alice-pass");

        assertEquals(302, back.status(), back::toString);
        assertTrue(back.header("Location").startsWith(base + "/callback?code="));
        assertEquals("st-1", Browser.queryParam(back, "state"));
        assertEquals("http://tessera.test", Browser.queryParam(back, "iss"), "RFC 9207");
        Http.Response tokens = redeem(client, Browser.queryParam(back, "code"), VERIFIER);
        assertEquals(200, tokens.status(), tokens::toString);
        JWTClaimsSet id = SignedJWT.parse(tokens.field("id_token")).getJWTClaimsSet();
        assertEquals(client.id(), id.getAudience().get(0));
        assertEquals("n-1", id.getStringClaim("nonce"));
        assertEquals("alice", id.getStringClaim("preferred_username"));
        String sid = SignedJWT.parse(tokens.field("access_token")).getJWTClaimsSet().getStringClaim("sid");
        assertEquals(sid, id.getStringClaim("sid"), "one device: the browser");

        Http.Response userinfo = http.get("/userinfo", "Bearer " + tokens.field("access_token"));
        assertEquals("Alice Liddell", userinfo.field("name"));

        Http.Response silent = browser.get(authorizeQuery(client(), ""));
        assertTrue(silent.header("Location").startsWith(base + "/callback?code="), "a second client: no login page");
    }

    @Test
    void pkceIsEnforced() {
        Client client = client();
        Browser browser = new Browser(http);
        String code = Browser.queryParam(loginAndAuthorize(browser, client, "alice", "alice-pass"), "code");
        assertEquals("invalid_grant", redeem(client, code, "wrong-verifier-wrong-verifier-wrong-verifier-xx").field("error"));

        String code2 = Browser.queryParam(browser.get(authorizeQuery(client, "")), "code");
        assertEquals("invalid_grant", redeem(client, code2, null).field("error"), "verifier missing");

        Http.Response plain = browser.get(authorizeQuery(client, "").replace("code_challenge_method=S256", "code_challenge_method=plain"));
        assertEquals("invalid_request", Browser.queryParam(plain, "error"));

        Http.Response publicWithout = browser.get("/oauth/authorize?response_type=code&client_id=spa&redirect_uri="
                + "http://127.0.0.1:5173/callback&state=s");
        assertEquals("invalid_request", Browser.queryParam(publicWithout, "error"), "public clients must use PKCE");
        assertEquals("s", Browser.queryParam(publicWithout, "state"));

        String noChallenge = Browser.queryParam(browser.get(authorizeQuery(client, "").replaceAll("&code_challenge[^&]*", "")), "code");
        assertEquals("invalid_grant", redeem(client, noChallenge, VERIFIER).field("error"), "no verifier without a challenge");
    }

    @Test
    void aReplayedCodeIsRefusedAndRevokesWhatItIssued() {
        Client client = client();
        String code = Browser.queryParam(loginAndAuthorize(new Browser(http), client, "alice", "alice-pass"), "code");
        Http.Response first = redeem(client, code, VERIFIER);
        assertEquals(200, first.status());

        Http.Response replay = redeem(client, code, VERIFIER);

        assertEquals("invalid_grant", replay.field("error"));
        Logins logins = new Logins(http);
        assertFalse(logins.active(first.field("access_token")), "the first redemption's access token is revoked");
        assertEquals("invalid_grant", http.postForm("/oauth/token", client.id(), TestAccounts.SECRET,
                params("grant_type", "refresh_token", "refresh_token", first.field("refresh_token"))).field("error"));
    }

    @Test
    void codesAreBoundToTheirClientAndRedirectUri() {
        Client client = client();
        Browser browser = new Browser(http);
        String code = Browser.queryParam(loginAndAuthorize(browser, client, "alice", "alice-pass"), "code");
        assertEquals("invalid_grant", redeem(client(), code, VERIFIER).field("error"), "another client");

        String code2 = Browser.queryParam(browser.get(authorizeQuery(client, "")), "code");
        Http.Response wrongRedirect = http.postForm("/oauth/token", client.id(), TestAccounts.SECRET, params("grant_type",
                "authorization_code", "code", code2, "redirect_uri", base + "/other", "code_verifier", VERIFIER));
        assertEquals("invalid_grant", wrongRedirect.field("error"));
    }

    @Test
    void redirectUriTricksAreShownNotFollowed() {
        Client client = client();
        String port = base.substring(base.lastIndexOf(':') + 1);
        String[] tricks = {"https://mail.example.com.evil.test/callback", base + "/callback/extra", base + "/callbackx",
                base + "/callback?next=https://evil.test", "http://127.0.0.1:" + (Integer.parseInt(port) + 1) + "/callback",
                "http://localhost:" + port + "/callback", base.toUpperCase() + "/CALLBACK", base + "/callback#frag"};
        for (String trick : tricks) {
            Http.Response response = new Browser(http).get("/oauth/authorize?response_type=code&client_id=" + client.id()
                    + "&redirect_uri=" + java.net.URLEncoder.encode(trick, StandardCharsets.UTF_8) + "&code_challenge="
                    + challenge(VERIFIER) + "&code_challenge_method=S256");
            assertEquals(400, response.status(), trick);
            assertNull(response.header("Location"), "never redirected to " + trick);
            assertTrue(response.body().contains("not registered"), trick);
        }
        assertEquals(400, new Browser(http).get("/oauth/authorize?response_type=code&client_id=nobody").status());
    }

    @Test
    void loginFormWithoutTheCsrfTokenIs403() {
        Client client = client();
        Browser browser = new Browser(http);
        Http.Response page = browser.get(browser.get(authorizeQuery(client, "")).header("Location"));
        Map<String, String> form = Browser.hiddenInputs(page);
        form.put("username", "alice");
        form.put("password", "alice-pass");
        form.remove("csrf");
        assertEquals(403, browser.postForm("/login", form).status());
        form.put("csrf", "forged-token-value");
        assertEquals(403, browser.postForm("/login", form).status());
        assertNull(browser.cookie("tessera_sso"));
    }

    @Test
    void theSessionIdAfterLoginIsNeverTheOneBefore() {
        Client client = client();
        Browser victim = new Browser(http);
        loginAndAuthorize(victim, client, "bob", "bob-pass");
        String bobsSession = victim.cookie("tessera_sso");
        assertNotNull(bobsSession);

        // Whatever id the browser holds before logging in (planted or left over) is not the one after.
        Http.Response toLogin = victim.get(authorizeQuery(client, "&prompt=login"));
        Map<String, String> form = Browser.hiddenInputs(victim.get(toLogin.header("Location")));
        form.put("username", "alice");
        form.put("password", "alice-pass");
        victim.postForm("/login", form);

        assertNotEquals(bobsSession, victim.cookie("tessera_sso"));
        Browser attacker = new Browser(http);
        attacker.setCookie("tessera_sso", bobsSession);
        assertTrue(attacker.get(authorizeQuery(client, "")).header("Location").startsWith("/login"),
                "the replaced session no longer works");
    }

    @Test
    void promptNoneWithoutSessionIsLoginRequired() {
        Http.Response response = new Browser(http).get(authorizeQuery(client(), "&prompt=none"));
        assertEquals("login_required", Browser.queryParam(response, "error"));
    }

    @Test
    void logoutEndsTheSessionTellsTheClientAndReturnsOnlyToARegisteredUri() throws Exception {
        Client client = client();
        Browser browser = new Browser(http);
        Http.Response tokens = redeem(client, Browser.queryParam(loginAndAuthorize(browser, client, "alice", "alice-pass"),
                "code"), VERIFIER);
        String idToken = tokens.field("id_token");
        String sid = SignedJWT.parse(idToken).getJWTClaimsSet().getStringClaim("sid");

        Http.Response bad = browser.get("/oauth/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri=https://evil.test/");
        assertEquals(400, bad.status(), "an unregistered post-logout URI is refused");

        Http.Response out = browser.get("/oauth/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri=" + base
                + "/&state=bye");
        assertEquals(302, out.status(), out::toString);
        assertEquals(base + "/?state=bye", out.header("Location"));
        String logoutToken = app.nextLogoutToken(Duration.ofSeconds(10));
        assertNotNull(logoutToken, "a back-channel logout token was posted to the client");
        SignedJWT jwt = SignedJWT.parse(logoutToken);
        assertEquals("logout+jwt", jwt.getHeader().getType().getType());
        assertEquals(sid, jwt.getJWTClaimsSet().getStringClaim("sid"));
        assertEquals(client.id(), jwt.getJWTClaimsSet().getAudience().get(0));
        assertTrue(jwt.getJWTClaimsSet().getJSONObjectClaim("events").containsKey("http://schemas.openid.net/event/backchannel-logout"));
        assertNull(jwt.getJWTClaimsSet().getClaim("nonce"));
        assertFalse(new Logins(http).active(tokens.field("access_token")), "the browser's tokens end with it");
        assertTrue(browser.get(authorizeQuery(client, "")).header("Location").startsWith("/login"), "a new login is needed");
    }

    @Test
    void deliveryToAnUnreachableClientIsRecordedAndRetriedLater() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Client unreachable = accounts.ssoClient(base, "http://127.0.0.1:" + closedPort + "/backchannel");
        Browser browser = new Browser(http);
        Http.Response tokens = redeem(unreachable, Browser.queryParam(loginAndAuthorize(browser, unreachable, "alice",
                "alice-pass"), "code"), VERIFIER);

        assertEquals(200, browser.get("/oauth/logout?id_token_hint=" + tokens.field("id_token")).status(), "signed-out page");

        long deadline = System.currentTimeMillis() + 10_000;
        while (sql.count("SELECT count(*) FROM backchannel_deliveries WHERE client_id = ? AND attempts > 0", unreachable.id()) == 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, sql.count("SELECT count(*) FROM backchannel_deliveries WHERE client_id = ? AND attempts > 0 "
                + "AND delivered_at IS NULL AND given_up_at IS NULL AND last_error IS NOT NULL "
                + "AND next_attempt_at > now()", unreachable.id()), "failed once, retry scheduled with back-off");
    }
}
