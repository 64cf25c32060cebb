package dev.tessera.auth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.testing.Http;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 #8 and #15 behind nginx: every request reaches the auth server from the proxy's address, so
 * the client's address and scheme must come from the trusted proxy's X-Forwarded-* headers.
 */
@MicronautTest(transactional = false)
@Property(name = "tessera.http.trusted-proxies", value = "127.0.0.1")
@Property(name = "tessera.login-throttle.max-failures-per-ip", value = "3")
class BehindTrustedProxyTest extends IntegrationTest {

    private Http.Response password(String forwardedFor, String username, String password) {
        return http.send("/oauth/token", "POST", "application/x-www-form-urlencoded", Http.form(Map.of(
                "grant_type", "password", "username", username, "password", password)), basic(),
                Map.of("X-Forwarded-For", forwardedFor));
    }

    private static String basic() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString("cli:cli-secret".getBytes());
    }

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Test
    void oneClientsFailuresBehindTheProxyDoNotLockOutTheOthers() {
        String guesser = "203.0.113.7";
        redis.sync().del("tessera:login:failures:ip:" + guesser, "tessera:login:failures:ip:198.51.100.9");
        for (int i = 0; i < 3; i++) {
            assertEquals(400, password(guesser, "nobody-" + UUID.randomUUID(), "guess").status());
        }
        assertEquals(429, password(guesser, "alice", "alice-pass").status(), "the guessing client is over its limit");

        Http.Response someoneElse = password("198.51.100.9", "alice", "alice-pass");
        assertEquals(200, someoneElse.status(), "another client behind the same proxy is not: " + someoneElse);
    }

    @Test
    void ssoCookiesAreSecureWhenTheProxySaysTheBrowserUsedHttps() {
        Http.Response page = http.send("/login", "GET", null, null, null, Map.of("X-Forwarded-Proto", "https"));
        List<String> cookies = page.headers().getOrDefault("set-cookie", List.of());
        assertFalse(cookies.isEmpty(), page::toString);
        assertTrue(cookies.stream().allMatch(c -> c.toLowerCase().contains("secure")), "Secure: " + cookies);
    }
}
