package dev.tessera.orders;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.testing.AuthServerProcess;
import dev.tessera.testing.Http;
import dev.tessera.testing.RouteFuzzer;
import dev.tessera.testing.TestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The orders API with tokens from the real auth server: scopes gate the endpoints, bad bodies are
 * 400s, and a key rotation at the auth server keeps old and new tokens working. How the library
 * refuses forged or misdirected tokens is tested in its own module (tessera-resource-server).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersApiTest {

    private static final String SCRAPE_TOKEN = "test-metrics-scrape-token";

    private AuthServerProcess auth;
    private EmbeddedServer api;
    private Http authHttp;
    private Http apiHttp;

    @BeforeAll
    void start() {
        auth = AuthServerProcess.start(Map.of());
        api = ApiReplicas.startOne("api-1", auth.issuer(), TestServices.endpoints().redisUri(),
                Map.of("tessera.metrics.scrape-token", SCRAPE_TOKEN));
        authHttp = new Http(auth.uri());
        apiHttp = new Http(api.getURI());
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.close();
        }
        if (auth != null) {
            auth.close();
        }
    }

    private String login(String username, String password, String scope) {
        Http.Response response = authHttp.postForm("/oauth/token", "cli", "cli-secret", params("grant_type", "password",
                "username", username, "password", password, "scope", scope));
        assertEquals(200, response.status(), response::toString);
        return response.field("access_token");
    }

    private String alice() {
        return login("alice", "alice-pass", "openid orders:read orders:write");
    }

    @Test
    void scopesGateTheOrdersEndpoints() {
        String readOnly = login("alice", "alice-pass", "openid orders:read");
        String profileOnly = login("alice", "alice-pass", "openid profile");
        String readWrite = alice();

        assertEquals(200, apiHttp.get("/api/orders", "Bearer " + readOnly).status());
        Http.Response forbidden = apiHttp.get("/api/orders", "Bearer " + profileOnly);
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.header("WWW-Authenticate").contains("insufficient_scope"));
        Http.Response write = apiHttp.send("/api/orders", "POST", "application/json", "{\"item\":\"tea\",\"quantity\":2}",
                "Bearer " + readOnly);
        assertEquals(403, write.status(), "orders:read cannot write");
        Http.Response placed = apiHttp.send("/api/orders", "POST", "application/json", "{\"item\":\"tea\",\"quantity\":2}",
                "Bearer " + readWrite);
        assertEquals(201, placed.status(), placed::toString);
        assertTrue(apiHttp.get("/api/orders", "Bearer " + readWrite).body().contains(placed.field("id")));
    }

    @Test
    void badOrderBodiesAreClientErrorsWithAMessage() {
        String token = "Bearer " + alice();
        for (String body : new String[] {"", "not json", "{}", "{\"item\":\"\",\"quantity\":1}", "{\"item\":\"x\",\"quantity\":0}",
                "{\"item\":\"x\",\"quantity\":\"many\"}", "{\"item\":\"" + "x".repeat(200) + "\",\"quantity\":1}"}) {
            Http.Response response = apiHttp.send("/api/orders", "POST", "application/json", body, token);
            assertEquals(400, response.status(), body + " -> " + response);
            assertFalse(response.body().contains("Exception"), response.body());
        }
        assertEquals(415, apiHttp.send("/api/orders", "POST", "text/plain", "tea", token).status());
    }

    @Test
    void keyRotationAtTheAuthServerKeepsOldTokensAndAcceptsNewOnes() throws Exception {
        String before = alice();
        String admin = "Bearer " + login("admin", "admin-pass", "openid admin");
        Http.Response rotated = authHttp.send("/admin/keys/rotate", "POST", null, null, admin);
        assertEquals(200, rotated.status(), rotated::toString);

        String after = alice();
        assertNotEquals(SignedJWT.parse(before).getHeader().getKeyID(), SignedJWT.parse(after).getHeader().getKeyID());
        assertTrue(waitUntil(() -> apiHttp.get("/api/profile", "Bearer " + after).status() == 200, 5_000),
                "the new kid is fetched once the replica's refetch limit (1 s in tests) allows");
        assertEquals(200, apiHttp.get("/api/profile", "Bearer " + before).status(), "the retired key still verifies");
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void metricsNeedTheScrapeToken() {
        assertEquals(401, apiHttp.get("/metrics").status());
        assertEquals(401, apiHttp.get("/metrics", "Bearer " + alice()).status(), "an access token is not the scrape token");
        Http.Response scraped = apiHttp.get("/metrics", "Bearer " + SCRAPE_TOKEN);
        assertEquals(200, scraped.status());
        assertTrue(scraped.body().contains("tessera_"), "the API's own meters are there");
    }

    @Test
    void noGarbageOnAnyRouteGetsA5xxOrInternalText() throws java.io.IOException {
        java.util.List<RouteFuzzer.Route> routes = api.getApplicationContext().getBean(io.micronaut.web.router.Router.class)
                .uriRoutes().map(route -> new RouteFuzzer.Route(route.getHttpMethodName(), route.getUriMatchTemplate().toString()))
                .distinct().toList();
        assertTrue(routes.size() >= 4, "the route table lists the API's endpoints: " + routes);

        RouteFuzzer.Findings findings = RouteFuzzer.fuzz(apiHttp, routes, alice());
        java.util.List<String> raw = RouteFuzzer.fuzzRaw(api.getHost(), api.getPort(), "/api/profile", "/api/orders");

        assertTrue(findings.sent() > routes.size() * 20, "most garbage was sent: " + findings.sent());
        assertTrue(findings.failures().isEmpty() && raw.isEmpty(), "bad answers:\n"
                + String.join("\n", findings.failures()) + "\n" + String.join("\n", raw));
    }
}
