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
import dev.tessera.testing.TestServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The revocation feed against real Redis, written the way the auth server writes it (through the
 * shared {@link RevocationWire}): marks present at start come from the snapshot, later ones from the stream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationFeedTest {

    private StubIssuer issuer;
    private RedisClient redisClient;
    private StatefulRedisConnection<String, String> redis;
    private final String markedAtStart = UUID.randomUUID().toString();
    private final Instant startedAt = Instant.now();
    private EmbeddedServer api;
    private Http http;

    @BeforeAll
    void start() throws Exception {
        issuer = StubIssuer.start();
        redisClient = RedisClient.create(TestServices.endpoints().redisUri());
        redis = redisClient.connect();
        publish(new RevocationTarget(RevocationEvent.Kind.DEVICE, markedAtStart), startedAt);
        api = ProtectedApi.start(issuer.issuer(), TestServices.endpoints().redisUri(), Map.of());
        http = new Http(api.getURI());
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.close();
        }
        if (redis != null) {
            redis.close();
            redisClient.shutdown();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    /** What the auth server's RedisDenylist does for one revocation. */
    private void publish(RevocationTarget target, Instant at) {
        RevocationEvent event = new RevocationEvent(target.kind(), target.subject(), at, at.plusSeconds(300), "test");
        redis.sync().set(RevocationWire.key(target), RevocationWire.markValue(event), SetArgs.Builder.px(300_000));
        redis.sync().xadd(RevocationWire.STREAM, RevocationWire.streamFields(event));
    }

    private int status(String token) {
        return http.get("/api/profile", "Bearer " + token).status();
    }

    private String token(String sid, String clientId, Instant issuedAt) {
        return issuer.sign(issuedAt, c -> c.claim("sid", sid).claim("client_id", clientId));
    }

    @Test
    void aMarkPresentAtStartIsInTheSnapshot() throws Exception {
        String before = token(markedAtStart, "cli", startedAt.minusSeconds(5));
        String after = token(markedAtStart, "cli", startedAt.plusSeconds(5));
        assertTrue(Poll.until(() -> status(before) == 401, 5_000), "refused once the snapshot is loaded");
        assertEquals(200, status(after), "issued after the mark");
    }

    @Test
    void aRevocationOnTheStreamIsAppliedWithinASecond() throws Exception {
        String device = UUID.randomUUID().toString();
        Instant issued = Instant.now().minusSeconds(1);
        String token = token(device, "cli", issued);
        assertTrue(Poll.until(() -> status(token) == 200, 5_000), "accepted while the feed is live");

        publish(new RevocationTarget(RevocationEvent.Kind.DEVICE, device), Instant.now());

        assertTrue(Poll.until(() -> status(token) == 401, 1_000), "refused within a second of the event");
    }

    @Test
    void aDeviceClientMarkRefusesOnlyThatClientOnTheDevice() throws Exception {
        String device = UUID.randomUUID().toString();
        Instant issued = Instant.now().minusSeconds(1);
        String mail = token(device, "mail", issued);
        String docs = token(device, "docs", issued);
        assertTrue(Poll.until(() -> status(mail) == 200 && status(docs) == 200, 5_000));

        publish(RevocationTarget.deviceClient(device, "mail"), Instant.now());

        assertTrue(Poll.until(() -> status(mail) == 401, 2_000));
        assertEquals(200, status(docs), "the other client on the same device keeps working");
    }
}
