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
import dev.tessera.testing.RedisUsers;
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
        // Each replica as the client's own confined Redis user (redis/users.acl's web-client rules).
        properties.put("redis.uri", RedisUsers.forWebClient(TestServices.endpoints().redisUri(), clientId));
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
            EmbeddedServer replica = replica(outagePort, "redis", Map.of("redis.uri", RedisUsers.forWebClient(redis.uri(), clientId)));
            try {
                Map<String, String> cookies = signIn(outagePort);
                assertEquals(200, send(cookies, "GET", base(outagePort) + "/profile", null).status());
                redis.stop();
                Http.Response down = send(cookies, "GET", base(outagePort) + "/profile", null);
                assertEquals(503, down.status(), down::toString);
                assertEquals("Session store unavailable", down.field("error"));
                assertEquals("1", down.header("Retry-After"));

                redis.restart(); // without persistence, like the dev Redis: every session is gone
                RedisUsers.forWebClient(redis.uri(), clientId); // and its users: the launcher makes them again as well
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
    void aPendingLoginLivesInTheBrowserThatStartedItAndFinishesOnlyThere() {
        try (EmbeddedServer replica = replica(redisPort, "redis")) {
            String loginCookie = clientId + "_session_login_";
            Browser starter = new Browser();
            Http.Response toAuthorize = starter.send("GET", base(redisPort) + "/login", null);
            String setCookie = toAuthorize.headers().get("set-cookie").get(0);
            assertTrue(setCookie.startsWith(loginCookie), setCookie);
            for (String attribute : new String[] {"HTTPOnly", "SameSite=Lax", "Path=/callback", "Max-Age=600"}) {
                assertTrue(setCookie.toLowerCase().contains(attribute.toLowerCase()), attribute + " in " + setCookie);
            }
            String state = Browser.query(toAuthorize.header("Location")).get("state");
            assertTrue(starter.cookies.containsKey(loginCookie + state), "the cookie is named after the state");

            // The callback URL in another browser (login CSRF: an attacker's code sent to a victim) is refused.
            String callback = callbackOf(starter, toAuthorize);
            Http.Response elsewhere = new Browser().send("GET", callback, null);
            assertEquals(400, elsewhere.status(), elsewhere::toString);
            assertTrue(elsewhere.body().contains("This sign-in link is not valid"), elsewhere.body());

            // A cookie altered, or moved to another login's state, does not open.
            Map<String, String> altered = new LinkedHashMap<>(starter.cookies);
            String sealed = altered.get(loginCookie + state);
            altered.put(loginCookie + state, sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("AA") ? "BB" : "AA"));
            assertEquals(400, new Browser(altered).send("GET", callback, null).status());
            Browser other = new Browser();
            String otherState = Browser.query(other.send("GET", base(redisPort) + "/login", null).header("Location")).get("state");
            Map<String, String> moved = new LinkedHashMap<>();
            moved.put(loginCookie + otherState, sealed);
            assertEquals(400, new Browser(moved).send("GET", callback.replace(state, otherState), null).status());

            // In the browser that started it, the login finishes once; the pending login's cookie is gone.
            Http.Response home = starter.send("GET", callback, null);
            assertEquals(302, home.status(), home::toString);
            assertNotNull(starter.cookies.get(clientId + "_session"));
            assertTrue(starter.cookies.keySet().stream().noneMatch(name -> name.startsWith(loginCookie)), starter.cookies::toString);

            // A code the auth server refuses fails that sign-in only: a 400, never a 502 (nginx would take the replica
            // out of rotation and send the single-use code on to the others).
            Browser unlucky = new Browser();
            Http.Response started = unlucky.send("GET", base(redisPort) + "/login", null);
            String unluckyCallback = callbackOf(unlucky, started);
            String code = Browser.query(unluckyCallback).get("code");
            Http.Response refused = unlucky.send("GET", unluckyCallback.replace(code, "not-a-code"), null);
            assertEquals(400, refused.status(), refused::toString);
            assertTrue(refused.body().contains("Sign-in failed"), refused.body());
        }
    }

    @Test
    void loginsStartedInSeveralTabsEachFinishAndABrowserKeepsAtMostFourPending() {
        try (EmbeddedServer replica = replica(redisPort, "redis")) {
            String loginCookie = clientId + "_session_login_";
            Browser browser = new Browser();
            List<Http.Response> tabs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tabs.add(browser.send("GET", base(redisPort) + "/login", null));
            }
            assertEquals(4, browser.cookies.keySet().stream().filter(name -> name.startsWith(loginCookie)).count(),
                    browser.cookies::toString);
            // The two newest tabs both finish, whichever comes back first.
            Http.Response last = browser.send("GET", callbackOf(browser, tabs.get(5)), null);
            assertEquals(302, last.status(), last::toString);
            Http.Response previous = browser.send("GET", callbackOf(browser, tabs.get(4)), null);
            assertEquals(302, previous.status(), previous::toString);
            // The oldest was dropped to keep the Cookie header small: that tab starts again.
            assertEquals(400, browser.send("GET", callbackOf(browser, tabs.get(0)), null).status());
        }
    }

    /** Signs alice in at the auth server for the login this client response started; the callback URL with the code. */
    private String callbackOf(Browser browser, Http.Response toAuthorize) {
        return browser.approve(auth.issuer(), toAuthorize.header("Location"));
    }

    @Test
    void pagesCarryAStrictPolicyAndEscapeWhatTheyShow() {
        try (EmbeddedServer replica = replica(redisPort, "redis")) {
            Browser browser = new Browser();
            Http.Response signedOut = browser.send("GET", base(redisPort) + "/", null);
            assertEquals(200, signedOut.status());
            assertTrue(signedOut.body().contains("id=\"login\""), signedOut.body());
            assertStyledOnlyByItsNonce(signedOut);

            browser.signIn(auth.issuer(), base(redisPort));
            Http.Response home = browser.send("GET", base(redisPort) + "/", null);
            assertEquals(200, home.status());
            assertTrue(home.body().contains("<dd id=\"username\">alice</dd>"), home.body());
            assertTrue(home.body().contains("name=\"csrf\" value=\""), "the logout form carries the CSRF token");
            assertEquals("no-store", home.header("Cache-Control"));
            assertEquals("DENY", home.header("X-Frame-Options"));
            assertStyledOnlyByItsNonce(home);

            // What the auth server (or whoever crafted the link) put in ?error= is shown as text.
            Http.Response error = browser.send("GET", base(redisPort) + "/callback?error=%3Cscript%3Ealert(1)%3C/script%3E", null);
            assertEquals(400, error.status());
            assertTrue(error.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), error.body());
            assertTrue(!error.body().contains("<script>"), error.body());
        }
    }

    private static void assertStyledOnlyByItsNonce(Http.Response page) {
        String policy = page.header("Content-Security-Policy");
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("style-src 'nonce-([^']+)'").matcher(policy);
        assertTrue(nonce.find(), policy);
        assertTrue(!policy.contains("unsafe-inline") && policy.contains("default-src 'none'"), policy);
        assertTrue(page.body().contains("<style nonce=\"" + nonce.group(1) + "\">"), "the page's style element carries the nonce");
    }

    @Test
    void controlCharactersInThePathOrTheQueryAre400() {
        try (EmbeddedServer replica = replica(redisPort, "redis")) {
            Http http = new Http(URI.create(base(redisPort)));
            for (String path : new String[] {"/callback?error=%00", "/callback?code=x&state=a%0d%0aSet-Cookie:%20x=1",
                    "/login?x%7f=1", "/%00", "/profile%0a"}) {
                Http.Response refused = http.get(path);
                assertEquals(400, refused.status(), path + ": " + refused);
                assertEquals("invalid_request", refused.field("error"), path);
            }
            Http.Response plain = http.get("/callback?error=access_denied");
            assertEquals(400, plain.status());
            assertTrue(plain.body().contains("Sign-in did not complete"), "an ordinary error still reaches the page");
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
