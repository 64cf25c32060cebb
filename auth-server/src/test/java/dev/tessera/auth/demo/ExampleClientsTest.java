package dev.tessera.auth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.client.AccessTokenType;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientStore;
import dev.tessera.auth.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The demo clients the examples in {@code examples/} sign in with, at their default ports. */
@MicronautTest(transactional = false)
class ExampleClientsTest extends IntegrationTest {

    @Inject
    ClientStore clients;

    @Test
    void relyingPartiesHaveExactRedirectUrisOnTheExamplePorts() {
        Client spring = clients.findById("spring-rp").orElseThrow();
        assertTrue(spring.redirectUris().contains("http://127.0.0.1:8304/login/oauth2/code/tessera"), spring::toString);
        assertTrue(spring.allowsGrant("authorization_code"));
        Client micronaut = clients.findById("micronaut-rp").orElseThrow();
        assertTrue(micronaut.redirectUris().contains("http://127.0.0.1:8305/oauth/callback/tessera"), micronaut::toString);
        assertEquals(AccessTokenType.AT_JWT, micronaut.accessTokenType());
    }

    @Test
    void onlyTheLegacyGatewayClientIsRegisteredForPlainJwt() {
        assertEquals(AccessTokenType.JWT, clients.findById("legacy-gateway").orElseThrow().accessTokenType());
        assertEquals(AccessTokenType.AT_JWT, clients.findById("cli").orElseThrow().accessTokenType());
        assertEquals(AccessTokenType.AT_JWT, clients.findById("spring-rp").orElseThrow().accessTokenType());
    }
}
