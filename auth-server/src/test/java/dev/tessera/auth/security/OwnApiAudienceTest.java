package dev.tessera.auth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.auth.keys.KeyManager;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.OurSignature;
import dev.tessera.auth.user.User;
import dev.tessera.auth.support.TestAccounts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 #18: the auth server's own bearer-protected APIs (/userinfo, /me/devices, /admin) take only
 * access tokens for its API audience, like every resource server (RFC 9068 §4: aud MUST be checked).
 */
@MicronautTest(transactional = false)
class OwnApiAudienceTest extends IntegrationTest {

    @Inject
    KeyManager keys;
    @Inject
    TestAccounts accounts;

    @Test
    void aTokenForAnotherAudienceIsRefusedByTheAuthServersOwnApis() {
        User user = accounts.user();
        String forOurApi = OurSignature.sign(keys, c -> c.subject(user.id().toString()), "at+jwt");
        String forAnotherApi = OurSignature.sign(keys, c -> c.subject(user.id().toString()).audience("another-api"),
                "at+jwt");

        assertEquals(200, http.get("/userinfo", "Bearer " + forOurApi).status(), "control: our audience is accepted");
        assertEquals(401, http.get("/userinfo", "Bearer " + forAnotherApi).status());
        assertEquals(401, http.get("/me/devices", "Bearer " + forAnotherApi).status());
    }
}
