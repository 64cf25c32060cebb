package dev.tessera.resource.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationTarget;
import dev.tessera.contract.revocation.RevocationWire;
import dev.tessera.resource.support.Poll;
import dev.tessera.resource.support.ProtectedApi;
import dev.tessera.resource.support.StubIssuer;
import dev.tessera.testing.Http;
import dev.tessera.testing.RedisProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events a replica never read: the bounded stream trimmed past it, or Redis lost the stream. The replica
 * notices that the stream no longer holds its position and takes a fresh snapshot of the marks, so a
 * revocation whose event it missed still refuses the token.
 */
class FeedGapTest {

    @Test
    void aReplicaWhoseStreamPositionIsGoneResnapshotsAndRefusesWhatItMissed() throws Exception {
        try (StubIssuer issuer = StubIssuer.start(); RedisProcess redisProcess = RedisProcess.start()) {
            RedisClient client = RedisClient.create(redisProcess.uri());
            EmbeddedServer api = ProtectedApi.start(issuer.issuer(), redisProcess.uri(), Map.of());
            try {
                RedisCommands<String, String> redis = client.connect().sync();
                Http http = new Http(api.getURI());
                String seen = UUID.randomUUID().toString();
                String missed = UUID.randomUUID().toString();
                String seenToken = "Bearer " + issuer.sign(Instant.now().minusSeconds(5), c -> c.subject(seen));
                String missedToken = "Bearer " + issuer.sign(Instant.now().minusSeconds(5), c -> c.subject(missed));
                publish(redis, seen, true);
                assertTrue(Poll.until(() -> http.get("/api/profile", seenToken).status() == 401, 5_000),
                        "an event on the stream is applied");
                assertEquals(200, http.get("/api/profile", missedToken).status());

                // The event of the second revocation is trimmed away before the replica reads it.
                publish(redis, missed, false);
                redis.del(RevocationWire.STREAM);

                assertTrue(Poll.until(() -> http.get("/api/profile", missedToken).status() == 401, 5_000),
                        "the replica resnapshots once its stream position is gone, and refuses the token");
                assertEquals(401, http.get("/api/profile", seenToken).status(), "what it knew before is still known");
            } finally {
                api.close();
                client.shutdown();
            }
        }
    }

    @Test
    void aReplicaThatSawTheEpochKeepsItsViewUntilRedisHoldsEveryRevocationAgain() throws Exception {
        try (StubIssuer issuer = StubIssuer.start(); RedisProcess redisProcess = RedisProcess.start()) {
            RedisClient client = RedisClient.create(redisProcess.uri());
            RedisCommands<String, String> redis = client.connect().sync();
            redis.set(RevocationWire.EPOCH, "1");
            String user = UUID.randomUUID().toString();
            publish(redis, user, true);
            EmbeddedServer api = ProtectedApi.start(issuer.issuer(), redisProcess.uri(), Map.of());
            try {
                Http http = new Http(api.getURI());
                String token = "Bearer " + issuer.sign(Instant.now().minusSeconds(5), c -> c.subject(user));
                assertTrue(Poll.until(() -> http.get("/api/profile", token).status() == 401, 5_000));

                redis.flushall(); // Redis restarted without persistence: no marks, no stream, no epoch

                long until = System.currentTimeMillis() + 2_500;
                while (System.currentTimeMillis() < until) {
                    assertTrue(http.get("/api/profile", token).status() != 200,
                            "an empty snapshot is never taken while the epoch is missing");
                    Thread.sleep(50);
                }
                publish(redis, user, true); // the auth server's relay publishes again, then the epoch
                redis.set(RevocationWire.EPOCH, "2");
                RevocationFeed feed = api.getApplicationContext().getBean(RevocationFeed.class);
                assertTrue(Poll.until(() -> feed.state() == FeedState.LIVE, 5_000));
                assertEquals(401, http.get("/api/profile", token).status());
            } finally {
                api.close();
                client.shutdown();
            }
        }
    }

    /** A user mark as the auth server writes it; with or without its stream event. */
    private static void publish(RedisCommands<String, String> redis, String user, boolean withEvent) {
        Instant now = Instant.now();
        RevocationEvent event = new RevocationEvent(RevocationEvent.Kind.USER, user, now, now.plusSeconds(300), "test");
        redis.set(RevocationWire.key(new RevocationTarget(RevocationEvent.Kind.USER, user)), RevocationWire.markValue(event),
                SetArgs.Builder.px(300_000));
        if (withEvent) {
            redis.xadd(RevocationWire.STREAM, RevocationWire.streamFields(event));
        }
    }
}
