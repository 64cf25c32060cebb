package dev.tessera.auth.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.testing.Http;
import dev.tessera.auth.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class MetadataTest extends IntegrationTest {

    @Test
    void bothMetadataDocumentsNameTheIssuerAndEndpoints() {
        for (String path : new String[] {"/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"}) {
            Http.Response response = http.get(path);
            assertEquals(200, response.status());
            assertEquals("http://tessera.test", response.field("issuer"), "RFC 8414 §3.3: identical to the issuer");
            assertEquals("http://tessera.test/oauth/token", response.field("token_endpoint"));
            assertEquals("http://tessera.test/oauth/jwks", response.field("jwks_uri"));
            assertEquals("http://tessera.test/oauth/revoke", response.field("revocation_endpoint"));
            assertEquals("http://tessera.test/oauth/introspect", response.field("introspection_endpoint"));
        }
    }
}
