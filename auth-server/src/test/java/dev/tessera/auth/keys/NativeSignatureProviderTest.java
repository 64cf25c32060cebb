package dev.tessera.auth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.support.Logins;
import dev.tessera.testing.Http;
import dev.tessera.testing.TestServices;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The keys sign and verify through Amazon Corretto Crypto Provider unless tessera.crypto.native-provider
 * turns it off; the choice is in the tessera.crypto.provider gauge, and tokens verify with a plain JDK
 * verifier either way.
 */
class NativeSignatureProviderTest {

    @Test
    void keysSignThroughTheNativeProviderByDefault() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(TestServices.micronautProperties()), "test")) {
            KeyManager keys = server.getApplicationContext().getBean(KeyManager.class);
            assertEquals("AmazonCorrettoCryptoProvider", keys.active().signer().getJCAContext().getProvider().getName());
            assertEquals("AmazonCorrettoCryptoProvider",
                    keys.activeForIdTokens().signer().getJCAContext().getProvider().getName());
            assertEquals(1.0, gauge(server, "ACCP"));
            assertVerifiesWithTheJdk(server);
        }
    }

    @Test
    void theSwitchTurnsItOffAndTheGaugeSaysSo() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestServices.micronautProperties());
        properties.put("tessera.crypto.native-provider", false);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            KeyManager keys = server.getApplicationContext().getBean(KeyManager.class);
            assertNull(keys.active().signer().getJCAContext().getProvider(), "the JDK's providers");
            assertEquals(0.0, gauge(server, "JDK"));
            assertVerifiesWithTheJdk(server);
        }
    }

    private static double gauge(EmbeddedServer server, String provider) {
        return server.getApplicationContext().getBean(MeterRegistry.class).get("tessera.crypto.provider")
                .tag("use", "jwt").tag("provider", provider).gauge().value();
    }

    private static void assertVerifiesWithTheJdk(EmbeddedServer server) throws Exception {
        Http http = new Http(server.getURI());
        Logins logins = new Logins(http);
        SignedJWT token = SignedJWT.parse(logins.alice().field("access_token"));
        JWKSet published = JWKSet.parse(http.get("/oauth/jwks").body());
        assertTrue(token.verify(new ECDSAVerifier(published.getKeyByKeyId(token.getHeader().getKeyID()).toECKey())));
        assertTrue(logins.active(token.serialize()), "the server's own (provider-backed) verifier accepts it");
    }
}
