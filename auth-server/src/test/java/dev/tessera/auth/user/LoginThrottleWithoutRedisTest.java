package dev.tessera.auth.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.auth.support.Logins;
import dev.tessera.testing.Http;
import dev.tessera.testing.RedisProcess;
import dev.tessera.testing.TestServices;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 (login throttle fallback, owned by issue 11): with Redis unreachable, password logins keep
 * working and stay throttled, by each replica on its own, instead of failing closed with 503 for
 * everyone or allowing unlimited guesses.
 */
class LoginThrottleWithoutRedisTest {

    @Test
    void passwordLoginsWhileRedisIsDownAreThrottledByTheReplica() {
        try (RedisProcess redis = RedisProcess.start()) {
            Map<String, Object> properties = new HashMap<>(TestServices.micronautProperties());
            properties.put("redis.uri", redis.uri());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                Logins logins = new Logins(new Http(server.getURI()));
                redis.stop();

                String guessed = "guessed-" + UUID.randomUUID();
                for (int i = 0; i < 6; i++) {
                    Http.Response failed = logins.password(guessed, "wrong-" + i);
                    assertEquals(400, failed.status(), failed::toString);
                }
                Http.Response locked = logins.password(guessed, "wrong-again");
                assertEquals(429, locked.status(), "still throttled without Redis: " + locked);

                Http.Response alice = logins.password("alice", "alice-pass");
                assertEquals(200, alice.status(), "and a right password still signs in: " + alice);
            }
        }
    }
}
