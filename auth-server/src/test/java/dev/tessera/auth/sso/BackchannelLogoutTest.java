package dev.tessera.auth.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.DatabaseGate;
import dev.tessera.auth.support.ClientAppTest;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.user.User;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** OIDC Back-Channel Logout deliveries: retried until the client takes them, each with a token it can still accept. */
@MicronautTest(transactional = false)
class BackchannelLogoutTest extends ClientAppTest {

    @Inject
    TestAccounts accounts;

    /**
     * Issue 11 #7: the client is down when the user logs out and comes back minutes later. The retry
     * must carry a logout token that is valid then, not the one minted at queue time (2-minute life).
     */
    @Test
    void retryAfterTheClientWasDownForMinutesSendsALogoutTokenStillValid() throws Exception {
        User user = accounts.user();
        Client client = accounts.ssoClient(app.base(), app.backchannelUri());
        Browser browser = new Browser(http);
        String idToken = sso().tokens(browser, client, user).field("id_token");

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
