package dev.tessera.auth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.testing.Http;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class KeyRotationTest extends IntegrationTest {

    @jakarta.inject.Inject
    dev.tessera.auth.support.Sql sql;

    @Test
    void jwksPublishesOnlyPublicKeysWithKid() throws Exception {
        Http.Response response = http.get("/oauth/jwks");
        assertEquals(200, response.status());
        JWKSet set = JWKSet.parse(response.body());
        assertTrue(set.getKeys().size() >= 1);
        for (JWK key : set.getKeys()) {
            assertTrue(key.getKeyID() != null && !key.isPrivate(), "public parts only: " + key.getKeyID());
        }
        assertTrue(!response.body().contains("\"d\""), "no private exponent anywhere");
    }

    @Test
    void rotationKeepsOldTokensValidAndSignsNewOnesWithTheNewKey() throws Exception {
        Logins logins = new Logins(http);
        String admin = logins.adminToken();
        String before = logins.alice().field("access_token");
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        Http.Response rotated = http.send("/admin/keys/rotate", "POST", null, null, "Bearer " + admin);
        assertEquals(200, rotated.status(), rotated::toString);
        String newKid = rotated.field("kid");

        assertNotEquals(oldKid, newKid);
        List<String> published = JWKSet.parse(http.get("/oauth/jwks").body()).getKeys().stream().map(JWK::getKeyID).toList();
        assertTrue(published.containsAll(List.of(oldKid, newKid)), "both keys are published: " + published);
        assertTrue(logins.active(before), "a token signed by the retired key still verifies");
        String after = logins.alice().field("access_token");
        assertEquals(newKid, SignedJWT.parse(after).getHeader().getKeyID());
        assertTrue(logins.active(after));
        String stored = sql.string("SELECT jwk FROM signing_keys WHERE kid = ?", newKid);
        assertTrue(stored.startsWith("enc:v1:") && !stored.contains("\"d\""), "the private key is encrypted at rest");
    }

    @Test
    void rotationNeedsTheAdminRoleAndScope() {
        Logins logins = new Logins(http);
        Http.Response asAlice = http.send("/admin/keys/rotate", "POST", null, null,
                "Bearer " + logins.alice().field("access_token"));
        assertEquals(403, asAlice.status());
        assertEquals(401, http.send("/admin/keys/rotate", "POST", null, null, null).status());
        assertEquals(401, http.send("/admin/keys/rotate", "POST", null, null, "Bearer not.a.token").status());
    }
}
