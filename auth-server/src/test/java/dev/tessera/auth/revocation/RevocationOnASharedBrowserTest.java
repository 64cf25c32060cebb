package dev.tessera.auth.revocation;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.ClientApp;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.auth.support.Sql;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two apps signed in through one SSO browser share its device. One app's RFC 7009 revocation of its
 * refresh token ends that app's sign-in only: the other app's tokens keep working and the SSO session
 * keeps issuing codes that redeem. When the last app's sign-in is revoked, the device is signed out
 * like any other sign-out: SSO session ended, back-channel logout sent.
 */
@MicronautTest(transactional = false)
class RevocationOnASharedBrowserTest extends IntegrationTest {

    private static final String VERIFIER = "shared-browser-verifier-shared-browser-verifier-0123456789";

    @Inject
    TestAccounts accounts;
    @Inject
    Sql sql;

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

    private String authorize(Client client) {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(VERIFIER));
        return "/oauth/authorize?response_type=code&client_id=" + client.id() + "&redirect_uri=" + base + "/callback"
                + "&scope=openid%20profile&state=s&nonce=n&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private Http.Response signIn(Browser browser, Client client) {
        Http.Response toLogin = browser.get(authorize(client));
        Map<String, String> form = Browser.hiddenInputs(browser.get(toLogin.header("Location")));
        form.put("username", "alice");
        form.put("password", "alice-pass");
        return redeem(client, browser.postForm("/login", form));
    }

    /** Authorize with the SSO session the browser already has, and redeem the code. */
    private Http.Response silently(Browser browser, Client client) {
        Http.Response back = browser.get(authorize(client));
        assertTrue(back.header("Location").startsWith(base + "/callback?code="), "no login page: " + back.header("Location"));
        return redeem(client, back);
    }

    private Http.Response redeem(Client client, Http.Response callback) {
        Http.Response tokens = http.postForm("/oauth/token", client.id(), TestAccounts.SECRET, params("grant_type",
                "authorization_code", "code", Browser.queryParam(callback, "code"), "redirect_uri", base + "/callback",
                "code_verifier", VERIFIER));
        assertEquals(200, tokens.status(), tokens::toString);
        return tokens;
    }

    private Http.Response revoke(Client client, String token) {
        return http.postForm("/oauth/revoke", client.id(), TestAccounts.SECRET, Map.of("token", token));
    }

    private Http.Response refresh(Client client, String refreshToken) {
        return http.postForm("/oauth/token", client.id(), TestAccounts.SECRET,
                params("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    @Test
    void oneAppsRevocationLeavesTheOtherAppsTokensAndTheSsoSessionWorking() throws Exception {
        Client mail = accounts.ssoClient(base, app.backchannelUri());
        Client docs = accounts.ssoClient(base, app.backchannelUri());
        Browser browser = new Browser(http);
        Http.Response mailTokens = signIn(browser, mail);
        Http.Response docsTokens = silently(browser, docs);
        String sid = SignedJWT.parse(mailTokens.field("access_token")).getJWTClaimsSet().getStringClaim("sid");
        assertEquals(sid, SignedJWT.parse(docsTokens.field("access_token")).getJWTClaimsSet().getStringClaim("sid"),
                "one browser, one device");

        assertEquals(200, revoke(mail, mailTokens.field("refresh_token")).status());
        // iat has one-second resolution, so a mark covers the whole second it was made in (RevocationRule).
        clock.advance(Duration.ofSeconds(1));

        Logins logins = new Logins(http);
        assertEquals("invalid_grant", refresh(mail, mailTokens.field("refresh_token")).field("error"));
        assertFalse(logins.active(mailTokens.field("access_token")), "RFC 7009 §2.1: the revoking app's access token too");
        assertTrue(logins.active(docsTokens.field("access_token")), "the other app's access token still works");
        assertEquals(200, http.get("/userinfo", "Bearer " + docsTokens.field("access_token")).status());
        Http.Response docsRefreshed = refresh(docs, docsTokens.field("refresh_token"));
        assertEquals(200, docsRefreshed.status(), "the other app's sign-in still refreshes: " + docsRefreshed);
        Http.Response docsAgain = silently(browser, docs);
        Http.Response mailAgain = silently(browser, mail);
        assertTrue(logins.active(mailAgain.field("access_token")), "the SSO session signs the revoking app in again");
        assertEquals(0, sql.count("SELECT count(*) FROM backchannel_deliveries WHERE client_id IN (?, ?)", mail.id(), docs.id()),
                "nobody was logged out");

        // The device's last sign-ins go: now the device itself is signed out, like a logout.
        for (Http.Response tokens : new Http.Response[] {docsRefreshed, docsAgain}) {
            assertEquals(200, revoke(docs, tokens.field("refresh_token")).status());
        }
        assertTrue(logins.active(mailAgain.field("access_token")), "mail still holds a sign-in on the device");
        assertEquals(200, revoke(mail, mailAgain.field("refresh_token")).status());

        assertTrue(browser.get(authorize(docs)).header("Location").startsWith("/login"), "the SSO session has ended");
        String logoutToken = app.nextLogoutToken(Duration.ofSeconds(10));
        assertNotNull(logoutToken, "the apps that used the browser get a back-channel logout");
        assertEquals(sid, SignedJWT.parse(logoutToken).getJWTClaimsSet().getStringClaim("sid"));
    }
}
