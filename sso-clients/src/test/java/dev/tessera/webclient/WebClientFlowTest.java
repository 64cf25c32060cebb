package dev.tessera.webclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.AuthServerProcess;
import dev.tessera.testing.Http;
import dev.tessera.testing.TestServices;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The web client against the real auth server (own JVM): sign-in, Redis sessions that survive a
 * replica restart while memory sessions do not, racing refreshes that rotate once, and the
 * back-channel logout endpoint's answers to garbage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebClientFlowTest {

    /** argon2id (19 MiB, t=2, p=1) of SECRET: a fixture, computed once. */
    private static final String SECRET = "web-test-secret";
    private static final String SECRET_HASH = "$argon2id$v=19$m=19456,t=2,p=1$rMhkgYCMfBeDgPuotokuyg$y09BsPCRpHidqZOshrkOu3Jk26PYwjjUz/F4RKTfML0";
    private static final Pattern INPUT = Pattern.compile("name=\"(\\w+)\" value=\"([^\"]*)\"");

    private AuthServerProcess auth;
    private String clientId;
    private int redisPort;
    private int memoryPort;

    @BeforeAll
    void start() throws Exception {
        // Access tokens of 32 s: the client refreshes when under 30 s remain, so a test waits only 2 s.
        auth = AuthServerProcess.start(Map.of("tessera.tokens.access-token-ttl", "32s"));
        redisPort = freePort();
        memoryPort = freePort();
        clientId = "web-" + UUID.randomUUID();
        TestServices.Endpoints db = TestServices.endpoints();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.pgUser(), db.pgPassword());
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO clients (id, name, secret_hash, confidential, grant_types, scopes, default_scopes,
                                          redirect_uris, post_logout_redirect_uris)
                     VALUES (?, 'Web test', ?, TRUE, '{authorization_code,refresh_token}',
                             '{openid,profile,email,offline_access}', '{openid,profile}', ?, ?)
                     """)) {
            insert.setString(1, clientId);
            insert.setString(2, SECRET_HASH);
            insert.setArray(3, c.createArrayOf("text", new String[] {base(redisPort) + "/callback", base(memoryPort) + "/callback"}));
            insert.setArray(4, c.createArrayOf("text", new String[] {base(redisPort) + "/", base(memoryPort) + "/"}));
            insert.executeUpdate();
        }
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
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("redis.uri", TestServices.endpoints().redisUri());
        properties.put("tessera.web-client.client-id", clientId);
        properties.put("tessera.web-client.client-secret", SECRET);
        properties.put("tessera.web-client.issuer", auth.issuer());
        properties.put("tessera.web-client.public-url", base(port));
        properties.put("tessera.web-client.session-store", store);
        properties.put("tessera.web-client.server-id", store + "-" + port);
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
        Map<String, String> cookies = new LinkedHashMap<>();
        Http.Response toAuthorize = send(cookies, "GET", base(port) + "/login", null);
        Http.Response toLogin = send(cookies, "GET", toAuthorize.header("Location"), null);
        Http.Response page = send(cookies, "GET", auth.issuer() + toLogin.header("Location"), null);
        Map<String, String> form = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(page.body());
        while (m.find()) {
            form.put(m.group(1), m.group(2));
        }
        form.put("username", "alice");
        form.put("password", "alice-pass");
        Http.Response toCallback = send(cookies, "POST", auth.issuer() + "/login", Http.form(form));
        Http.Response home = send(cookies, "GET", toCallback.header("Location"), null);
        assertEquals(302, home.status(), home::toString);
        assertNotNull(cookies.get(clientId + "_session"), "the client set its session cookie");
        return cookies;
    }

    private static Http.Response send(Map<String, String> cookies, String method, String url, String form) {
        URI uri = URI.create(url);
        Http http = new Http(URI.create(uri.getScheme() + "://" + uri.getAuthority()));
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Map<String, String> headers = cookies.isEmpty() ? Map.of() : Map.of("Cookie", cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        Http.Response response = http.send(path, method, form == null ? null : "application/x-www-form-urlencoded", form, null, headers);
        response.headers().forEach((name, values) -> {
            if (name.equalsIgnoreCase("set-cookie")) {
                for (String value : values) {
                    String[] kv = value.split(";", 2)[0].split("=", 2);
                    if (kv.length == 2 && !kv[1].isEmpty()) {
                        cookies.put(kv[0], kv[1]);
                    }
                }
            }
        });
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
            assertEquals(1, debug.json().get("count").asInt());
        } finally {
            replica.close();
        }
        EmbeddedServer restarted = replica(memoryPort, "memory");
        try {
            Http.Response gone = send(cookies, "GET", base(memoryPort) + "/profile", null);
            assertEquals(401, gone.status());
            assertEquals("Session not found", gone.field("message"));
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
