package dev.tessera.topology;

import static dev.tessera.topology.PrivateTopology.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.Browser;
import dev.tessera.testing.Http;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The nginx topology in seconds, so a broken template or launcher fails the build: every listener
 * answers, one login per scheme through nginx (the issuer itself behind nginx), the sticky scheme
 * keeps a user on the replica holding the session, and a killed redis-scheme replica costs no request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NginxTopologySmokeTest {

    private PrivateTopology topology;

    @BeforeAll
    void start() throws Exception {
        topology = PrivateTopology.start();
    }

    @AfterAll
    void stop() {
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    @Order(1)
    void everyListenerReachesItsReplicasAndStatusListsNginx() throws Exception {
        for (int port : new int[] {topology.nginxAuth, topology.nginxSticky, topology.nginxRedis, topology.nginxJwt}) {
            assertEquals(200, new Http(URI.create(url(port))).get("/health").status(), "nginx :" + port);
        }
        String status = topology.launcher(60, "status");
        assertTrue(status.lines().anyMatch(l -> l.startsWith("nginx") && l.contains("up 4/4")), status);
        assertTrue(status.lines().anyMatch(l -> l.startsWith("mail-2") && l.contains(" up ")), status);
    }

    @Test
    @Order(2)
    void ssoLoginThroughNginxOnTheRedisSchemeIsServedByEveryReplica() {
        Browser browser = signIn(topology.nginxRedis);
        Set<String> servers = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Http.Response profile = browser.send("GET", url(topology.nginxRedis) + "/profile", null);
            assertEquals(200, profile.status(), profile::toString);
            assertEquals("alice", profile.field("username"));
            assertEquals("redis", profile.field("scheme"));
            servers.add(profile.field("server_id"));
        }
        assertEquals(Set.of("mail-1", "mail-2"), servers, "round robin over both replicas, one shared session");
    }

    @Test
    @Order(3)
    void ssoLoginThroughNginxOnTheStickySchemeStaysWithItsReplica() {
        Browser browser = signIn(topology.nginxSticky);
        String session = browser.cookies.get(PrivateTopology.STICKY_COOKIE);
        assertTrue(session != null && session.matches("sticky-[12]\\..+"), "a routed session id: " + session);
        String owner = session.substring(0, session.indexOf('.'));
        for (int i = 0; i < 6; i++) {
            Http.Response profile = browser.send("GET", url(topology.nginxSticky) + "/profile", null);
            assertEquals(200, profile.status(), profile::toString);
            assertEquals(owner, profile.field("server_id"), "every request reaches the replica holding the session");
        }
        int other = topology.sticky["sticky-1".equals(owner) ? 1 : 0];
        Http.Response elsewhere = browser.send("GET", url(other) + "/profile", null);
        assertEquals(401, elsewhere.status(), elsewhere::toString);
        assertEquals("Session not found", elsewhere.field("error"));
    }

    @Test
    @Order(4)
    void aTokenFromTheAuthListenerIsAcceptedByTheJwtScheme() {
        Http.Response token = new Http(URI.create(url(topology.nginxAuth))).postForm("/oauth/token", "cli", "cli-secret",
                Http.params("grant_type", "password", "username", "alice", "password", "alice-pass"));
        assertEquals(200, token.status(), token::toString);
        Http api = new Http(URI.create(url(topology.nginxJwt)));
        Set<String> servers = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            Http.Response profile = api.get("/api/profile", "Bearer " + token.field("access_token"));
            assertEquals(200, profile.status(), profile::toString);
            assertEquals("jwt", profile.field("scheme"));
            servers.add(profile.field("server_id"));
        }
        assertEquals(Set.of("api-1", "api-2"), servers);
    }

    @Test
    @Order(5)
    void killingARedisSchemeReplicaCostsNoRequest() throws Exception {
        Browser browser = signIn(topology.nginxRedis);
        topology.launcher(30, "kill", "mail-1");
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Http.Response profile = browser.send("GET", url(topology.nginxRedis) + "/profile", null);
            answers.add(profile.status() + " " + profile.field("server_id"));
        }
        assertEquals(List.of("200 mail-2"), answers.stream().distinct().toList(), "every request answered by the survivor");
        // nginx says what happened: the dead replica was tried, the request went on to the next one.
        String dead = "127.0.0.1:" + topology.mail[0];
        long deadline = System.currentTimeMillis() + 5_000;
        boolean retried = false;
        while (!retried && System.currentTimeMillis() < deadline) {
            retried = topology.accessLog().stream().anyMatch(l -> l.contains("upstream=" + dead + ", ") && l.contains(" 200 "));
            LockSupport.parkNanos(200_000_000);
        }
        assertTrue(retried, "the access log names the dead replica and the one that answered instead");
    }

    private Browser signIn(int clientPort) {
        Browser browser = new Browser();
        Http.Response home = browser.signIn(url(topology.nginxAuth), url(clientPort));
        assertEquals("/", home.header("Location"));
        Http.Response toAuthorize = new Browser().send("GET", url(clientPort) + "/login", null);
        assertTrue(toAuthorize.header("Location").startsWith(url(topology.nginxAuth) + "/oauth/authorize?"),
                toAuthorize.header("Location"));
        assertTrue(toAuthorize.header("Location").contains("redirect_uri=" + java.net.URLEncoder.encode(
                url(clientPort) + "/callback", java.nio.charset.StandardCharsets.UTF_8)), "the redirect URI is nginx's");
        return browser;
    }
}
