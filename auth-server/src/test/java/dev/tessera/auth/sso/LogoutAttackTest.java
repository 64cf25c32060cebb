package dev.tessera.auth.sso;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.ClientAppTest;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.user.User;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 #4 and #5, RP-Initiated Logout from the attacker's side: links carrying an old, foreign or
 * unverifiable {@code id_token_hint} must not sign a browser out without asking.
 */
@MicronautTest(transactional = false)
class LogoutAttackTest extends ClientAppTest {

    @Inject
    TestAccounts accounts;

    /** Signs {@code browser} in through the SSO for {@code client} and returns the ID token it got. */
    private String signIn(Browser browser, Client client, User user) {
        return sso().tokens(browser, client, user).field("id_token");
    }

    private boolean signedIn(Browser browser, Client client) {
        return !browser.get(sso().authorizePath(client)).header("Location").startsWith("/login");
    }

    private static void assertAsksToConfirm(Http.Response response) {
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.body().contains("Sign out?") && response.body().contains("name=\"csrf\""),
                "the confirmation form, not a sign-out: " + response.body());
    }

    @Test
    void anOldIdTokenInALinkDoesNotSignTheVictimOutOfHerNewSession() {
        User victim = accounts.user();
        Client client = accounts.ssoClient(app.base(), app.backchannelUri());
        Browser browser = new Browser(http);
        String oldIdToken = signIn(browser, client, victim);
        assertEquals(200, browser.get("/oauth/logout?id_token_hint=" + oldIdToken).status(), "she signs out");
        signIn(browser, client, victim); // and in again, later

        Http.Response link = browser.get("/oauth/logout?id_token_hint=" + oldIdToken); // the attacker's link

        assertAsksToConfirm(link);
        assertTrue(signedIn(browser, client), "her current session is untouched");
    }

    @Test
    void anAccessTokenIsNotAnIdTokenHint() {
        User victim = accounts.user();
        Client sso = accounts.ssoClient(app.base(), app.backchannelUri());
        Browser browser = new Browser(http);
        signIn(browser, sso, victim);
        Client plain = accounts.plainJwtClient(); // its access tokens carry typ JWT, iss and sid, like an ID token
        String accessToken = http.postForm("/oauth/token", plain.id(), TestAccounts.SECRET, params("grant_type", "password",
                "username", victim.username(), "password", TestAccounts.PASSWORD)).field("access_token");

        assertAsksToConfirm(browser.get("/oauth/logout?id_token_hint=" + accessToken));
        assertTrue(signedIn(browser, sso));
    }

    @Test
    void aHintIssuedToAnotherClientIsRefusedForThisClient() {
        User victim = accounts.user();
        Client mine = accounts.ssoClient(app.base(), app.backchannelUri());
        Client other = accounts.ssoClient(app.base(), app.backchannelUri());
        Browser browser = new Browser(http);
        String idToken = signIn(browser, mine, victim);

        Http.Response link = browser.get("/oauth/logout?client_id=" + other.id() + "&id_token_hint=" + idToken);

        assertEquals(400, link.status(), link::toString);
        assertTrue(signedIn(browser, mine));
    }

    @Test
    void aHintNoPublishedKeyVerifiesAnyMoreAsksToConfirmInsteadOfFailing() throws Exception {
        User user = accounts.user();
        Client client = accounts.ssoClient(app.base(), app.backchannelUri());
        Browser browser = new Browser(http);
        String idToken = signIn(browser, client, user);
        // The same ID token, signed by a key the server no longer publishes (rotated out and purged).
        RSAKey retired = new RSAKeyGenerator(2048).keyID(SignedJWT.parse(idToken).getHeader().getKeyID() + "-old").generate();
        SignedJWT stale = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(retired.getKeyID()).build(),
                JWTClaimsSet.parse(SignedJWT.parse(idToken).getJWTClaimsSet().toJSONObject()));
        stale.sign(new RSASSASigner(retired));

        Http.Response asked = browser.get("/oauth/logout?client_id=" + client.id() + "&id_token_hint=" + stale.serialize()
                + "&post_logout_redirect_uri=" + app.base() + "/&state=s1");

        assertAsksToConfirm(asked);
        Map<String, String> form = Browser.hiddenInputs(asked);
        Http.Response confirmed = browser.postForm("/oauth/logout", form);
        assertEquals(302, confirmed.status(), confirmed::toString);
        assertEquals(app.base() + "/?state=s1", confirmed.header("Location"), "back to the client after confirming");
        assertTrue(!signedIn(browser, client), "signed out");
    }
}
