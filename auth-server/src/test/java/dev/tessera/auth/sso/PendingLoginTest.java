package dev.tessera.auth.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.RedisAdmin;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 #13 at the auth server: an authorization request waiting for its login. Anyone can send
 * {@code /oauth/authorize} without a session as often as they like; that must cost the server nothing
 * that lasts, and the waiting request must expire.
 */
@MicronautTest(transactional = false)
class PendingLoginTest extends IntegrationTest {

    private static final String AUTHORIZE = "/oauth/authorize?response_type=code&client_id=mail"
            + "&redirect_uri=http://127.0.0.1:8091/callback&scope=openid"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=s-";

    private long pendingKeys() {
        return RedisAdmin.sync().keys("tessera:login-pending:*").size();
    }

    @Test
    void aFloodOfAuthorizeRequestsLeavesNothingBehindOnTheServer() {
        long before = pendingKeys();
        for (int i = 0; i < 200; i++) {
            Http.Response toLogin = http.get(AUTHORIZE + i);
            assertTrue(toLogin.status() == 302 && toLogin.header("Location").startsWith("/login?request="),
                    toLogin::toString);
        }
        assertEquals(before, pendingKeys(), "no state per unauthenticated request");
    }

    @Test
    void aPendingLoginExpiresAndATamperedOneIsRefused() {
        Browser browser = new Browser(http);
        String login = browser.get(AUTHORIZE + "x").header("Location");
        Http.Response page = browser.get(login);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Mail"), "the login page names the client");

        String request = login.substring(login.indexOf("request=") + "request=".length());
        String tampered = login.replace(request, request.substring(0, request.length() - 2)
                + (request.endsWith("AA") ? "BB" : "AA"));
        assertEquals(400, browser.get(tampered).status(), "an altered request id is not a sign-in");

        clock.advance(Duration.ofMinutes(11));
        Http.Response expired = browser.get(login);
        assertEquals(400, expired.status());
        assertTrue(expired.body().contains("expired"), expired.body());
    }
}
