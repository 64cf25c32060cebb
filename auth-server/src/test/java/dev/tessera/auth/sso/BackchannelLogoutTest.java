package dev.tessera.auth.sso;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.ClientApp;
import dev.tessera.auth.support.DatabaseGate;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Sql;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.user.User;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OIDC Back-Channel Logout deliveries: retried until the client takes them, each with a token it can still accept. */
@MicronautTest(transactional = false)
class BackchannelLogoutTest extends IntegrationTest {

    private static final String VERIFIER = "backchannel-verifier-0123456789-0123456789-0123";

    @Inject
    TestAccounts accounts;
    @Inject
    Sql sql;

    private ClientApp app;

    @BeforeAll
    void start() throws Exception {
        app = ClientApp.start();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** Signs in through the SSO for {@code client}, redeems the code, and returns the ID token. */
    private String signIn(Browser browser, Client client, User user) {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(VERIFIER));
        Http.Response toLogin = browser.get("/oauth/authorize?response_type=code&client_id=" + client.id()
                + "&redirect_uri=" + app.base() + "/callback&scope=openid&code_challenge=" + challenge
                + "&code_challenge_method=S256");
        Map<String, String> form = Browser.hiddenInputs(browser.get(toLogin.header("Location")));
        form.put("username", user.username());
        form.put("password", TestAccounts.PASSWORD);
        String code = Browser.queryParam(browser.postForm("/login", form), "code");
        Http.Response tokens = http.postForm("/oauth/token", client.id(), TestAccounts.SECRET, params(
                "grant_type", "authorization_code", "code", code, "redirect_uri", app.base() + "/callback",
                "code_verifier", VERIFIER));
        assertEquals(200, tokens.status(), tokens::toString);
        return tokens.field("id_token");
    }

    /**
     * Issue 11 #7: the client is down when the user logs out and comes back minutes later. The retry
     * must carry a logout token that is valid then, not the one minted at queue time (2-minute life).
     */
    @Test
    void retryAfterTheClientWasDownForMinutesSendsALogoutTokenStillValid() throws Exception {
        User user = accounts.user();
        Client client = accounts.ssoClient(app.base(), app.backchannelUri());
        Browser browser = new Browser(http);
        String idToken = signIn(browser, client, user);

        app.failNext(1);
        Http.Response out = browser.get("/oauth/logout?id_token_hint=" + idToken);
        assertEquals(200, out.status(), out::toString);
        DatabaseGate.await("the first delivery fails", Duration.ofSeconds(20), app::failuresDone);
        clock.advance(Duration.ofMinutes(5)); // the back-off has long passed, and so has a token minted at queue time

        String logoutToken = app.nextLogoutToken(Duration.ofSeconds(20));
        assertNotNull(logoutToken, "the delivery was retried");
        JWTClaimsSet claims = SignedJWT.parse(logoutToken).getJWTClaimsSet();
        assertTrue(claims.getExpirationTime().toInstant().isAfter(clock.instant()),
                "the retried token has not expired: exp " + claims.getExpirationTime().toInstant() + ", now " + clock.instant());
        assertEquals(SignedJWT.parse(idToken).getJWTClaimsSet().getStringClaim("sid"), claims.getStringClaim("sid"));
        assertEquals(user.id().toString(), claims.getSubject());
    }
}
