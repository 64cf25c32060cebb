package dev.tessera.auth.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tessera.testing.Http;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
@Property(name = "tessera.login-throttle.max-failures-per-ip", value = "3")
class LoginThrottlePerIpTest extends IntegrationTest {

    @Inject
    StatefulRedisConnection<String, String> redis;

    @BeforeEach
    void forgetEarlierFailuresFromThisAddress() {
        redis.sync().del("tessera:login:failures:ip:127.0.0.1");
    }

    @Test
    void oneAddressGuessingAcrossManyAccountsIsRefused() {
        Logins logins = new Logins(http);
        for (int i = 0; i < 3; i++) {
            assertEquals(400, logins.password("someone-" + UUID.randomUUID(), "guess").status());
        }
        Http.Response refused = logins.password("alice", "alice-pass");
        assertEquals(429, refused.status(), "even a correct password waits once the address is over its limit");
        assertNotNull(refused.header("Retry-After"));
    }
}
