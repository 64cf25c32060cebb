package dev.tessera.auth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.contract.revocation.RevocationWire;
import dev.tessera.testing.TestServices;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 11 #1, the Redis trust boundary: each component connects as its own user (redis/users.acl, the
 * file the launcher applies too). A resource server's or a web client's credentials reach nothing the
 * auth server trusts: codes, SSO sessions, the revocation marks for writing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisUsersTest {

    private RedisClient client;

    @BeforeAll
    void connect() {
        client = RedisClient.create();
    }

    @AfterAll
    void close() {
        client.shutdown();
    }

    private void as(String user, Consumer<RedisCommands<String, String>> work) {
        try (StatefulRedisConnection<String, String> connection =
                     client.connect(io.lettuce.core.RedisURI.create(TestServices.redisUriAs(user)))) {
            work.accept(connection.sync());
        }
    }

    private static void refused(Executable command) {
        RedisCommandExecutionException e = assertThrows(RedisCommandExecutionException.class, command);
        assertTrue(e.getMessage().startsWith("NOPERM"), e.getMessage());
    }

    @Test
    void aResourceServerCredentialReadsRevocationsAndNothingTheAuthServerTrusts() {
        as("tessera-resource", redis -> {
            refused(() -> redis.get("tessera:code:0123"));
            refused(() -> redis.set("tessera:code:0123", "{\"userId\":\"admin\"}"));
            refused(() -> redis.get("tessera:sso:0123"));
            refused(() -> redis.set("tessera:revoked:jti:forged", "1"));
            refused(() -> redis.del("tessera:revoked:device:someone"));
            refused(() -> redis.xadd(RevocationWire.STREAM, Map.of("kind", "jti")));
            refused(() -> redis.get("tessera:web:mail:session:x"));
            refused(() -> redis.keys("*"));
            redis.get("tessera:revoked:jti:anything");
            redis.xrevrange(RevocationWire.STREAM, Range.create("-", "+"), Limit.from(1));
            redis.lpush("orders:test-user", "{}");
            redis.del("orders:test-user");
        });
    }

    @Test
    void aWebClientCredentialReachesOnlyItsOwnSessions() {
        as("tessera-web-mail", redis -> {
            refused(() -> redis.get("tessera:code:0123"));
            refused(() -> redis.get("tessera:sso:0123"));
            refused(() -> redis.get("tessera:login:failures:user:alice"));
            refused(() -> redis.set("tessera:revoked:jti:forged", "1"));
            refused(() -> redis.get("tessera:web:docs:session:x"));
            redis.set("tessera:web:mail:session:test", "x");
            assertEquals(1L, redis.del("tessera:web:mail:session:test"));
        });
    }

    @Test
    void theAuthServerCredentialHasNoAdministrativeCommands() {
        as("tessera-auth", redis -> {
            refused(redis::flushall);
            refused(() -> redis.keys("*"));
            refused(() -> redis.configGet("*"));
            refused(() -> redis.set("orders:someone", "x"));
            redis.set("tessera:code:acl-test", "x");
            redis.del("tessera:code:acl-test");
        });
    }
}
