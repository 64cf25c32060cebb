package dev.tessera.auth.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.support.Logins;
import dev.tessera.auth.support.Sql;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationTarget;
import dev.tessera.contract.revocation.RevocationWire;
import dev.tessera.testing.Http;
import dev.tessera.testing.RedisProcess;
import dev.tessera.testing.RedisSentinelGroup;
import dev.tessera.testing.TestServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Redis with Sentinel, as {@code ./tessera up --ha} runs it. Replication is asynchronous, so a revocation
 * counts as published only once a replica holds it (Redis WAIT, {@link DenylistProperties#replicaAcks()}):
 * then killing the primary loses nothing, and the auth server follows the promoted replica by itself.
 */
class SentinelFailoverTest {

    @Test
    void aPublishedRevocationSurvivesTheLossOfThePrimaryAndTheServerFollowsTheFailover() throws Exception {
        try (RedisSentinelGroup redis = RedisSentinelGroup.start()) {
            Map<String, Object> properties = new HashMap<>(TestServices.micronautProperties());
            properties.put("redis.uri", redis.uriAs("tessera-auth"));
            properties.put("tessera.revocation.denylist.replica-acks", 1);
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                Logins logins = new Logins(new Http(server.getURI()));
                Sql sql = server.getApplicationContext().getBean(Sql.class);
                RedisDenylist denylist = server.getApplicationContext().getBean(RedisDenylist.class);
                // The relay's first pass writes the epoch to the fresh Redis; the revocation's WAIT below covers it
                // only if it was written first (replicas acknowledge offsets, and offsets are in order).
                assertTrue(eventually(denylist::isComplete), "the relay marked the new Redis complete");
                String revoked = logins.alice().field("access_token");
                assertEquals(200, logins.revoke(revoked).status());
                assertTrue(eventually(() -> published(sql, jti(revoked))), "published: the replica acknowledged it");

                RedisProcess promoted = redis.killPrimaryAndAwaitFailover(Duration.ofSeconds(30));

                try (Admin admin = new Admin(promoted)) {
                    assertEquals(1L, admin.redis.exists(mark(revoked)), "the promoted replica holds the mark");
                    assertEquals(1L, admin.redis.exists(RevocationWire.EPOCH), "and the epoch: nothing to rebuild");
                }
                assertFalse(logins.active(revoked));
                assertTrue(eventually(denylist::isComplete), "the server's connections follow the new primary, no restart");

                String second = logins.password("bob", "bob-pass").field("access_token");
                assertEquals(200, logins.revoke(second).status());
                try (Admin admin = new Admin(promoted)) {
                    assertTrue(eventually(() -> admin.redis.exists(mark(second)) == 1L), "relayed to the new primary");
                }
                assertFalse(published(sql, jti(second)),
                        "with no replica left to hold it, the revocation is not counted as published yet");

                redis.addReplica();
                assertTrue(eventually(() -> published(sql, jti(second))), "a new replica holds it: published");
                assertFalse(logins.active(second));
            }
        }
    }

    private static boolean published(Sql sql, String jti) {
        return sql.count("SELECT count(*) FROM revocation_outbox WHERE kind = 'jti' AND subject = ? AND published_at IS NOT NULL",
                jti) == 1;
    }

    private static String jti(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getJWTID();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String mark(String accessToken) {
        return RevocationWire.key(new RevocationTarget(RevocationEvent.Kind.JTI, jti(accessToken)));
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // Redis between primaries
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** A direct connection to one node, as its administrator. */
    private static final class Admin implements AutoCloseable {
        private final RedisClient client;
        private final StatefulRedisConnection<String, String> connection;
        final RedisCommands<String, String> redis;

        Admin(RedisProcess node) {
            client = RedisClient.create(node.uri());
            connection = client.connect();
            redis = connection.sync();
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }
}
