package dev.tessera.auth.token.grant;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.testing.Http;
import dev.tessera.auth.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ClientCredentialsGrantTest extends IntegrationTest {

    @Test
    void confidentialClientGetsTokenForItselfWithoutRefreshToken() throws Exception {
        Http.Response response = http.postForm("/oauth/token", "service-a", "service-a-secret",
                params("grant_type", "client_credentials"));

        assertEquals(200, response.status(), response::toString);
        assertNull(response.field("refresh_token"), "RFC 6749 §4.4.3");
        assertEquals("orders:read", response.field("scope"));
        JWTClaimsSet claims = SignedJWT.parse(response.field("access_token")).getJWTClaimsSet();
        assertEquals("service-a", claims.getSubject());
        assertEquals("service-a", claims.getStringClaim("client_id"));
        assertNull(claims.getStringClaim("sid"));
    }

    @Test
    void clientSecretPostWorksLikeBasic() {
        Http.Response response = http.postForm("/oauth/token", params("grant_type", "client_credentials",
                "client_id", "service-a", "client_secret", "service-a-secret"));
        assertEquals(200, response.status(), response::toString);
    }

    @Test
    void secondRequestWithTheSameSecretIsStillCheckedAndWrongSecretsStillFail() {
        assertEquals(200, http.postForm("/oauth/token", "service-a", "service-a-secret",
                params("grant_type", "client_credentials")).status());
        Http.Response wrong = http.postForm("/oauth/token", "service-a", "service-a-secreT",
                params("grant_type", "client_credentials"));
        assertEquals(401, wrong.status(), "the verified-secret cache must not accept a different secret");
        assertEquals("invalid_client", wrong.field("error"));
    }

    @Test
    void scopeOutsideTheClientsIsInvalidScope() {
        Http.Response response = http.postForm("/oauth/token", "service-a", "service-a-secret",
                params("grant_type", "client_credentials", "scope", "orders:write"));
        assertEquals(400, response.status());
        assertEquals("invalid_scope", response.field("error"));
    }

    @Test
    void publicClientCannotUseClientCredentials() {
        Http.Response response = http.postForm("/oauth/token", params("grant_type", "client_credentials", "client_id", "spa"));
        assertEquals(400, response.status(), response::toString);
        assertEquals("unauthorized_client", response.field("error"));
    }
}
