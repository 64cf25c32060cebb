package dev.tessera.orders;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.testing.AuthServerProcess;
import dev.tessera.testing.Http;
import dev.tessera.testing.RedisProcess;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Redis stops, with the real auth server beside the replicas: they keep serving from their view until
 * the staleness bound, then the fail-closed replica answers 503 while a fail-open one keeps serving,
 * and /health says which is which. Redis returns: both catch up, including a revocation the auth
 * server made while they were cut off. (The library's own FeedOutageTest covers the states alone.)
 */
class RedisOutageTest {

    private static final String BOUND = "2s";

    @Test
    void replicasFailClosedOrOpenWhileRedisIsDownAndCatchUpAfter() throws Exception {
        try (RedisProcess redis = RedisProcess.start();
             AuthServerProcess auth = AuthServerProcess.start(redis.uri(), Map.of())) {
            EmbeddedServer closed = ApiReplicas.startOne("api-closed", auth.issuer(), redis.uri(),
                    Map.of("tessera.resource-server.revocation.staleness-bound", BOUND));
            EmbeddedServer open = ApiReplicas.startOne("api-open", auth.issuer(), redis.uri(),
                    Map.of("tessera.resource-server.revocation.staleness-bound", BOUND,
                            "tessera.resource-server.revocation.fail-open", true));
            try {
                Http authHttp = new Http(auth.uri());
                Http closedHttp = new Http(closed.getURI());
                Http openHttp = new Http(open.getURI());
                String token = authHttp.postForm("/oauth/token", "cli", "cli-secret", params("grant_type", "password",
                        "username", "alice", "password", "alice-pass")).field("access_token");
                String bearer = "Bearer " + token;
                assertEquals(200, closedHttp.get("/api/profile", bearer).status());
                assertEquals(200, openHttp.get("/api/profile", bearer).status());

                redis.stop();
                assertEquals(200, closedHttp.get("/api/profile", bearer).status(), "within the bound the view is trusted");
                assertTrue(waitUntil(() -> closedHttp.get("/api/profile", bearer).status() == 503, 10_000),
                        "past the bound the fail-closed replica refuses tokens");
                Http.Response refused = closedHttp.get("/api/profile", bearer);
                assertEquals("revocation_feed_stale", refused.field("error"));
                assertEquals(200, openHttp.get("/api/profile", bearer).status(), "the fail-open replica keeps serving");
                assertEquals(200, closedHttp.get("/api/ping").status(), "requests without a token are unaffected");
                assertFeedState(closedHttp, 503, "DOWN", "stale-failing-closed");
                // Each replica measures its own silence: wait for the fail-open one too, not only the one above.
                assertTrue(waitUntil(() -> "stale-failing-open".equals(feedState(openHttp)), 10_000),
                        "past the bound the fail-open replica reports itself stale");
                assertFeedState(openHttp, 200, "UP", "stale-failing-open");

                // Revoked while the replicas are cut off: the auth server queues it in PostgreSQL.
                assertEquals(200, authHttp.postForm("/oauth/revoke", "cli", "cli-secret", Map.of("token", token)).status());

                redis.restart();
                assertTrue(waitUntil(() -> closedHttp.get("/api/profile", bearer).status() == 401, 45_000),
                        "after Redis returns, the replica catches up and refuses the token revoked meanwhile");
                assertTrue(waitUntil(() -> openHttp.get("/api/profile", bearer).status() == 401, 10_000),
                        "and so does the fail-open replica");
                assertFeedState(closedHttp, 200, "UP", "live");
            } finally {
                closed.close();
                open.close();
            }
        }
    }

    private static String feedState(Http http) {
        return http.get("/health").json().get("details").get("revocationFeed").get("details").get("state").asText();
    }

    private static void assertFeedState(Http http, int status, String health, String state) {
        Http.Response response = http.get("/health");
        assertEquals(status, response.status(), response::toString);
        JsonNode feed = response.json().get("details").get("revocationFeed");
        assertEquals(health, feed.get("status").asText());
        assertEquals(state, feed.get("details").get("state").asText());
    }

    private static boolean waitUntil(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
