package dev.tessera.auth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/** Without a trusted proxy, X-Forwarded-* headers are the client's own words and change nothing. */
@MicronautTest(transactional = false)
@Property(name = "tessera.login-throttle.max-failures-per-ip", value = "3")
class ForwardedHeadersFromStrangersTest extends IntegrationTest {

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Test
    void aGuesserCannotPickAFreshAddressForEveryAttempt() {
        redis.sync().del("tessera:login:failures:ip:127.0.0.1");
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("cli:cli-secret".getBytes());
        for (int i = 0; i <= 3; i++) {
            Http.Response response = http.send("/oauth/token", "POST", "application/x-www-form-urlencoded",
                    Http.form(Map.of("grant_type", "password", "username", "nobody-" + UUID.randomUUID(), "password", "x")),
                    basic, Map.of("X-Forwarded-For", "203.0.113." + i));
            assertEquals(i < 3 ? 400 : 429, response.status(), "attempt " + i + ": " + response);
        }
        redis.sync().del("tessera:login:failures:ip:127.0.0.1");
    }

    @Test
    void aForgedProtoHeaderDoesNotMakeCookiesSecure() {
        List<String> cookies = http.send("/login", "GET", null, null, null, Map.of("X-Forwarded-Proto", "https"))
                .headers().getOrDefault("set-cookie", List.of());
        assertFalse(cookies.isEmpty());
        assertFalse(cookies.stream().anyMatch(c -> c.toLowerCase().contains("secure")), cookies.toString());
    }
}
