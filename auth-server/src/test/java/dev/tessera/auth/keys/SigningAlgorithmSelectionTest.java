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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** tessera.keys.algorithm selects the signing algorithm; switching it rotates without breaking issued tokens. */
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
            JWK key = JWKSet.parse(http.get("/oauth/jwks").body()).getKeyByKeyId(jwt.getHeader().getKeyID());
            assertEquals(keyType, key.getKeyType().getValue());
            assertTrue(logins.active(token));
        }
    }
}
