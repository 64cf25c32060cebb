package dev.tessera.auth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.testing.Http;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: failed client authentications are throttled per address and per client at an address, before
 * the secret is hashed; the client itself is never locked out by someone else's guesses.
 */
@MicronautTest(transactional = false)
@Property(name = "tessera.http.trusted-proxies", value = "127.0.0.1")
@Property(name = "tessera.client-auth-throttle.max-failures-per-client-at-address", value = "3")
@Property(name = "tessera.client-auth-throttle.max-failures-per-address", value = "5")
class ClientAuthThrottleTest extends IntegrationTest {

    private Http.Response token(String clientId, String secret, String from) {
        return http.send("/oauth/token", "POST", "application/x-www-form-urlencoded", "grant_type=client_credentials",
                Http.basic(clientId, secret), Map.of("X-Forwarded-For", from));
    }

    @Test
    void guessesAtOneClientFromOneAddressAreRefusedBeforeHashingAndTheClientStaysUsable() {
        String guesser = "198.51.100.1";
        for (int i = 0; i < 3; i++) {
            assertEquals(401, token("service-a", "guess-" + i, guesser).status(), "guess " + i);
        }
        Http.Response throttled = token("service-a", "guess-3", guesser);
        assertEquals(429, throttled.status(), throttled::toString);
        assertEquals("invalid_client", throttled.field("error"));
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) >= 1, throttled::toString);
        assertEquals(429, token("service-a", "service-a-secret", guesser).status(),
                "from the guessing address even the right secret waits: it is not hashed there");

        assertEquals(200, token("service-a", "service-a-secret", "198.51.100.2").status(), "the client itself is not locked out");
        assertEquals(200, token("service-a", "service-a-secret", guesser).status(),
                "a secret already verified on this replica is matched by digest, without the throttle");
    }

    @Test
    void oneAddressGuessingAcrossClientsIsRefusedAfterItsLimit() {
        String guesser = "198.51.100.9";
        String[] clients = {"cli", "mail", "docs", "orders-api", "no-such-client"};
        for (String client : clients) {
            assertEquals(401, token(client, "guess", guesser).status(), client);
        }
        Http.Response throttled = token("legacy-gateway", "guess", guesser);
        assertEquals(429, throttled.status(), throttled::toString);
        assertEquals(200, token("legacy-gateway", "legacy-gateway-secret", "198.51.100.10").status());
    }
}
