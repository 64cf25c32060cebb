package dev.tessera.auth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.testing.Http;
import dev.tessera.auth.support.Logins;
import dev.tessera.testing.TestServices;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tessera.auth.token.issue.OidcTokenIssuer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * tessera.keys.algorithm selects the access-token algorithm; ID tokens and logout tokens stay RS256 whatever
 * it is (OIDC Core §15.1, Discovery §3).
 */
class SigningAlgorithmSelectionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ES256, EC", "EdDSA, OKP", "RS256, RSA"})
    void configuredAlgorithmSignsAndItsKeyIsPublished(String algorithm, String keyType) throws Exception {
        Map<String, Object> properties = new HashMap<>(TestServices.micronautProperties());
        properties.put("tessera.keys.algorithm", algorithm);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Http http = new Http(server.getURI());
            Logins logins = new Logins(http);
            String token = logins.alice().field("access_token");

            SignedJWT jwt = SignedJWT.parse(token);
            assertEquals(algorithm, jwt.getHeader().getAlgorithm().getName());
            JWKSet published = JWKSet.parse(http.get("/oauth/jwks").body());
            JWK key = published.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertEquals(keyType, key.getKeyType().getValue());
            assertTrue(logins.active(token));

            SignedJWT logoutToken = SignedJWT.parse(server.getApplicationContext().getBean(OidcTokenIssuer.class)
                    .logoutToken("mail", "subject", "sid"));
            assertEquals(JWSAlgorithm.RS256, logoutToken.getHeader().getAlgorithm());
            RSAKey idTokenKey = published.getKeyByKeyId(logoutToken.getHeader().getKeyID()).toRSAKey();
            assertTrue(logoutToken.verify(new RSASSAVerifier(idTokenKey)), "verifies with the published RS256 key");
            assertEquals("[\"RS256\"]", http.get("/.well-known/openid-configuration").json()
                    .get("id_token_signing_alg_values_supported").toString());
        }
    }
}
