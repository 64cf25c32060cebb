package dev.tessera.resource.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.resource.support.Poll;
import dev.tessera.resource.support.ProtectedApi;
import dev.tessera.resource.support.StubIssuer;
import dev.tessera.resource.support.TestClock;
import dev.tessera.testing.Http;
import dev.tessera.testing.RedisProcess;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A private Redis stops: past the staleness bound (reached by moving the test clock, not by waiting)
 * the fail-closed replica answers 503 to bearer requests and reports DOWN, the fail-open one keeps
 * serving and says so; when Redis is back both are live again.
 */
class FeedOutageTest {

    private static final String BOUND = "5s";

    private static void assertFeedState(Http http, int status, String health, String state) {
        Http.Response response = http.get("/health");
        assertEquals(status, response.status(), response::toString);
        JsonNode feed = response.json().get("details").get("revocationFeed");
        assertEquals(health, feed.get("status").asText());
        assertEquals(state, feed.get("details").get("state").asText());
    }

    @Test
    void replicasFailClosedOrOpenWhileTheFeedIsStaleAndRecoverAfter() throws Exception {
        try (StubIssuer issuer = StubIssuer.start(); RedisProcess redis = RedisProcess.start()) {
            EmbeddedServer closed = ProtectedApi.start(issuer.issuer(), redis.uri(),
                    Map.of("tessera.resource-server.revocation.staleness-bound", BOUND));
            EmbeddedServer open = ProtectedApi.start(issuer.issuer(), redis.uri(),
                    Map.of("tessera.resource-server.revocation.staleness-bound", BOUND,
                            "tessera.resource-server.revocation.fail-open", true));
            try {
                Http closedHttp = new Http(closed.getURI());
                Http openHttp = new Http(open.getURI());
                TestClock closedClock = ProtectedApi.clock(closed);
                TestClock openClock = ProtectedApi.clock(open);
                String bearer = "Bearer " + issuer.sign(closedClock.instant(), c -> c);
                assertTrue(Poll.until(() -> closedHttp.get("/api/profile", bearer).status() == 200
                        && openHttp.get("/api/profile", bearer).status() == 200, 10_000), "both live");

                redis.stop();
                closedClock.advance(Duration.ofSeconds(6));
                openClock.advance(Duration.ofSeconds(6));

                assertTrue(Poll.until(() -> closedHttp.get("/api/profile", bearer).status() == 503, 5_000),
                        "past the bound the fail-closed replica refuses tokens");
                assertEquals("revocation_feed_stale", closedHttp.get("/api/profile", bearer).field("error"));
                assertEquals(200, openHttp.get("/api/profile", bearer).status(), "the fail-open replica keeps serving");
                assertEquals(200, closedHttp.get("/api/ping").status(), "requests without a token are unaffected");
                assertFeedState(closedHttp, 503, "DOWN", "stale-failing-closed");
                assertFeedState(openHttp, 200, "UP", "stale-failing-open");

                redis.restart();
                assertTrue(Poll.until(() -> closedHttp.get("/api/profile", bearer).status() == 200, 30_000),
                        "the feed resnapshots and the replica serves again");
                assertFeedState(closedHttp, 200, "UP", "live");
            } finally {
                closed.close();
                open.close();
            }
        }
    }
}
