package dev.tessera.webclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.AuthServerProcess;
import dev.tessera.testing.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.testing.Http;
import dev.tessera.testing.RedisProcess;
import dev.tessera.testing.TestServices;
import dev.tessera.testing.WebClientRegistrations;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The web client against the real auth server (own JVM): sign-in, Redis sessions that survive a
 * replica restart while memory sessions do not, sticky replicas that route their ids and refuse each
 * other's sessions, the benchmark's session fill, a Redis outage, racing refreshes that rotate once,
 * and the back-channel logout endpoint's answers to garbage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebClientFlowTest {


    private AuthServerProcess auth;
    private String clientId;
    private int redisPort;
    private int memoryPort;
    private int[] stickyPorts;
    private int outagePort;

    @BeforeAll
    void start() throws Exception {
        // Access tokens of 32 s: the client refreshes when under 30 s remain, so a test waits only 2 s.
        auth = AuthServerProcess.start(Map.of("tessera.tokens.access-token-ttl", "32s"));
        redisPort = freePort();
        memoryPort = freePort();
        stickyPorts = new int[] {freePort(), freePort()};
        outagePort = freePort();
        clientId = "web-" + UUID.randomUUID();
        List<String> bases = new ArrayList<>();
        for (int port : new int[] {redisPort, memoryPort, stickyPorts[0], stickyPorts[1], outagePort}) {
            bases.add(base(port));
        }
        WebClientRegistrations.register(clientId, bases);
    }

    @AfterAll
    void stop() {
        if (auth != null) {
            auth.close();
        }
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private EmbeddedServer replica(int port, String store) {
        return replica(port, store, Map.of());
    }

    private EmbeddedServer replica(int port, String store, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("redis.uri", TestServices.endpoints().redisUri());
        properties.put("tessera.web-client.client-id", clientId);
        properties.put("tessera.web-client.client-secret", WebClientRegistrations.SECRET);
        properties.put("tessera.web-client.issuer", auth.issuer());
        properties.put("tessera.web-client.public-url", base(port));
        properties.put("tessera.web-client.session-store", store);
        properties.put("tessera.web-client.server-id", store + "-" + port);
        properties.put("tessera.web-client.debug-endpoints", "true");
        properties.putAll(extra);
        // A replica restarted on the same port may find it not yet released by the one before.
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                return ApplicationContext.run(EmbeddedServer.class, properties, "test");
            } catch (RuntimeException e) {
                if (System.currentTimeMillis() > deadline || !(e.getCause() instanceof java.net.BindException)) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Signs alice in at the replica the way a browser does; returns the cookies it ended with. */
    private Map<String, String> signIn(int port) {
        Browser browser = new Browser();
        browser.signIn(auth.issuer(), base(port));
        assertNotNull(browser.cookies.get(clientId + "_session"), "the client set its session cookie");
        return browser.cookies;
    }

    private static Http.Response send(Map<String, String> cookies, String method, String url, String form) {
        Browser browser = new Browser(cookies);
        Http.Response response = browser.send(method, url, form);
        cookies.putAll(browser.cookies);
        return response;
    }

    @Test
    void redisSessionSurvivesAReplicaRestart() {
        EmbeddedServer replica = replica(redisPort, "redis");
        Map<String, String> cookies;
        try {
            cookies = signIn(redisPort);
            Http.Response profile = send(cookies, "GET", base(redisPort) + "/profile", null);
            assertEquals(200, profile.status(), profile::toString);
            assertEquals("alice", profile.field("username"));
            assertEquals("redis", profile.field("scheme"));
        } finally {
            replica.close();
        }
        EmbeddedServer restarted = replica(redisPort, "redis");
        try {
            assertEquals(200, send(cookies, "GET", base(redisPort) + "/profile", null).status());
        } finally {
            restarted.close();
        }
    }

    @Test
    void memorySessionDoesNotSurviveARestart() {
        EmbeddedServer replica = replica(memoryPort, "memory");
        Map<String, String> cookies;
        try {
            cookies = signIn(memoryPort);
            assertEquals(200, send(cookies, "GET", base(memoryPort) + "/profile", null).status());
            Http.Response debug = send(cookies, "GET", base(memoryPort) + "/debug/sessions", null);
            assertEquals(1, debug.json().get("session_count").asInt());
            assertEquals("alice", debug.json().get("sessions").get(0).get("username").asText());
        } finally {
            replica.close();
        }
        EmbeddedServer restarted = replica(memoryPort, "memory");
        try {
            Http.Response gone = send(cookies, "GET", base(memoryPort) + "/profile", null);
            assertEquals(401, gone.status());
            assertEquals("Session not found", gone.field("error"));
        } finally {
            restarted.close();
        }
    }

    @Test
    void racingRequestsRefreshTheTokensOnceAndStaySignedIn() throws Exception {
        EmbeddedServer replica = replica(redisPort, "redis");
        try {
            Map<String, String> cookies = signIn(redisPort);
            String before = send(cookies, "GET", base(redisPort) + "/profile", null).field("access_token_expires_at");
            Thread.sleep(2_500); // now under 30 s remain: the next request refreshes
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Http.Response>> racing = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    racing.add(pool.submit((Callable<Http.Response>) () -> send(new LinkedHashMap<>(cookies), "GET",
                            base(redisPort) + "/profile", null)));
                }
                List<String> expiries = new ArrayList<>();
                for (Future<Http.Response> response : racing) {
                    assertEquals(200, response.get().status(), response.get()::toString);
                    expiries.add(response.get().field("access_token_expires_at"));
                }
                assertTrue(expiries.stream().distinct().count() == 1, "one refresh served every racer: " + expiries);
                assertNotEquals(before, expiries.get(0));
            } finally {
                pool.shutdownNow();
            }
            assertEquals(200, send(cookies, "GET", base(redisPort) + "/profile", null).status(), "still signed in");
        } finally {
            replica.close();
        }
    }

    @Test
    void stickyReplicasRouteTheirSessionsAndRefuseEachOthers() {
        EmbeddedServer one = replica(stickyPorts[0], "memory", sticky("sticky-1"));
        EmbeddedServer two = replica(stickyPorts[1], "memory", sticky("sticky-2"));
        try {
            Browser browser = new Browser();
            browser.signIn(auth.issuer(), base(stickyPorts[0]));
            String session = browser.cookies.get("web_sticky_session");
            assertTrue(session.startsWith("sticky-1."), "the id carries the route nginx reads: " + session);
            Http.Response mine = browser.send("GET", base(stickyPorts[0]) + "/profile", null);
            assertEquals(200, mine.status(), mine::toString);
            assertEquals("sticky", mine.field("scheme"));
            assertEquals("memory-" + stickyPorts[0], mine.field("server_id"));

            // Seed 001: the same cookie at another replica finds nothing there.
            Http.Response other = browser.send("GET", base(stickyPorts[1]) + "/profile", null);
            assertEquals(401, other.status(), other::toString);
            assertEquals("Session not found", other.field("error"));

            JsonNode held = browser.send("GET", base(stickyPorts[0]) + "/debug/sessions", null).json();
            assertEquals(1, held.get("session_count").asInt());
            assertEquals("alice", held.get("sessions").get(0).get("username").asText());
            assertTrue(held.get("sessions").get(0).get("session_id").asText().startsWith("sticky-1."));
            assertEquals(0, browser.send("GET", base(stickyPorts[1]) + "/debug/sessions", null).json()
                    .get("session_count").asInt());
        } finally {
            one.close();
            two.close();
        }
    }

    private static Map<String, Object> sticky(String route) {
        return Map.of("tessera.web-client.session-cookie", "web_sticky_session", "tessera.web-client.route", route);
    }

    @Test
    void fillWritesSessionsShapedLikeTheCallersThroughTheRealStore() {
        EmbeddedServer replica = replica(redisPort, "redis");
        try {
            Map<String, String> cookies = signIn(redisPort);
            Http.Response filled = send(cookies, "POST", base(redisPort) + "/debug/sessions/fill?count=200", "");
            assertEquals(200, filled.status(), filled::toString);
            assertEquals(200, filled.json().get("created").asInt());
            assertEquals("redis", filled.json().get("store").asText());
            JsonNode create = filled.json().get("create_us");
            assertTrue(create.get("p50").asDouble() > 0 && create.get("p99").asDouble() >= create.get("p50").asDouble(),
                    create::toString);
            assertTrue(filled.json().get("get_us").get("mean").asDouble() > 0);

            assertEquals(400, send(cookies, "POST", base(redisPort) + "/debug/sessions/fill?count=0", "").status());
            assertEquals(400, send(cookies, "POST", base(redisPort) + "/debug/sessions/fill?count=999999", "").status());
            Http.Response anonymous = send(new LinkedHashMap<>(), "POST", base(redisPort) + "/debug/sessions/fill?count=5", "");
            assertEquals(401, anonymous.status());
        } finally {
            replica.close();
        }
    }

    @Test
    void redisOutageAnswers503ThenAnEmptyRedisHasLostTheSessions() {
        try (RedisProcess redis = RedisProcess.start()) {
            EmbeddedServer replica = replica(outagePort, "redis", Map.of("redis.uri", redis.uri()));
            try {
                Map<String, String> cookies = signIn(outagePort);
                assertEquals(200, send(cookies, "GET", base(outagePort) + "/profile", null).status());
                redis.stop();
                Http.Response down = send(cookies, "GET", base(outagePort) + "/profile", null);
                assertEquals(503, down.status(), down::toString);
                assertEquals("Session store unavailable", down.field("error"));
                assertEquals("1", down.header("Retry-After"));

                redis.restart(); // without persistence, like the dev Redis: every session is gone
                Http.Response after = send(cookies, "GET", base(outagePort) + "/profile", null);
                long deadline = System.currentTimeMillis() + 30_000;
                while (after.status() == 503 && System.currentTimeMillis() < deadline) {
                    LockSupport.parkNanos(100_000_000); // the client reconnects with back-off
                    after = send(cookies, "GET", base(outagePort) + "/profile", null);
                }
                assertEquals(401, after.status(), after::toString);
                assertEquals("Session not found", after.field("error"));
            } finally {
                replica.close();
            }
        }
    }

    @Test
    void backchannelLogoutRefusesGarbage() {
        EmbeddedServer replica = replica(redisPort, "redis");
        try {
            Http http = new Http(URI.create(base(redisPort)));
            for (String body : new String[] {"", "logout_token=", "logout_token=not.a.jwt", "logout_token=eyJhbGciOiJub25lIn0.eyJzaWQiOiJ4In0.",
                    "logout_token=" + "a".repeat(20_000)}) {
                Http.Response response = http.send("/backchannel-logout", "POST", "application/x-www-form-urlencoded", body, null);
                assertEquals(400, response.status(), body.length() > 60 ? "oversized" : body);
                assertEquals("invalid_request", response.field("error"));
            }
        } finally {
            replica.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
