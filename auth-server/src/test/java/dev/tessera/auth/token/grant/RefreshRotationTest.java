package dev.tessera.auth.token.grant;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.testing.Http;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.auth.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** RFC 9700 §4.14.2 refresh token rotation and reuse detection, over HTTP against PostgreSQL and Redis. */
@MicronautTest(transactional = false)
class RefreshRotationTest extends IntegrationTest {

    @Inject
    Sql sql;

    @Test
    void refreshRotatesTheTokenAndKeepsTheDevice() throws Exception {
        Logins logins = new Logins(http);
        Http.Response login = logins.alice();
        Http.Response refreshed = logins.refresh(login.field("refresh_token"));

        assertEquals(200, refreshed.status(), refreshed::toString);
        assertEquals("no-store", refreshed.header("Cache-Control"));
        assertNotEquals(login.field("refresh_token"), refreshed.field("refresh_token"));
        assertEquals(sid(login), sid(refreshed));
        assertTrue(logins.active(refreshed.field("refresh_token")));
        assertFalse(logins.active(login.field("refresh_token")), "a rotated token is no longer current");
    }

    @Test
    void retryWithinGraceWindowGetsTheSameSuccessorAndDoesNotSignOut() {
        Logins logins = new Logins(http);
        String original = logins.alice().field("refresh_token");
        Http.Response first = logins.refresh(original);
        clock.advance(Duration.ofSeconds(9));
        Http.Response retry = logins.refresh(original);

        assertEquals(200, retry.status(), retry::toString);
        assertEquals(first.field("refresh_token"), retry.field("refresh_token"), "the response that was lost, again");
        assertNotEquals(first.field("access_token"), retry.field("access_token"));
        assertEquals(200, logins.refresh(first.field("refresh_token")).status(), "the successor works");
    }

    /**
     * Issue 11 #11: a stolen rotated token replayed inside the grace window must not open a new chain per
     * replay; every replay gets the one successor, so the family stays a single chain of tokens.
     */
    @Test
    void replaysOfARotatedTokenWithinTheGraceWindowGetItsOneSuccessorNotNewChains() throws Exception {
        Logins logins = new Logins(http);
        Http.Response login = logins.alice();
        String original = login.field("refresh_token");
        String successor = logins.refresh(original).field("refresh_token");

        for (int replay = 0; replay < 5; replay++) {
            clock.advance(Duration.ofSeconds(1));
            Http.Response again = logins.refresh(original);
            assertEquals(200, again.status(), again::toString);
            assertEquals(successor, again.field("refresh_token"), "replay " + replay + " gets the same successor");
        }
        assertEquals(2, sql.count("SELECT count(*) FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id "
                + "WHERE f.device_id = ?", UUID.fromString(sid(login))), "the login's token and its one successor");
    }

    @Test
    void reuseAfterGraceWindowRevokesTheWholeFamilyAndItsAccessTokens() throws Exception {
        Logins logins = new Logins(http);
        Http.Response login = logins.alice();
        Http.Response successor = logins.refresh(login.field("refresh_token"));
        clock.advance(Duration.ofSeconds(11));

        Http.Response reuse = logins.refresh(login.field("refresh_token"));

        assertEquals(400, reuse.status());
        assertEquals("invalid_grant", reuse.field("error"));
        assertEquals("invalid_grant", logins.refresh(successor.field("refresh_token")).field("error"),
                "the legitimate holder's successor dies with the family");
        assertFalse(logins.active(successor.field("access_token")), "live access tokens of the device are denied");
        assertFalse(logins.active(login.field("access_token")));
        UUID device = UUID.fromString(sid(login));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_events WHERE device_id = ? AND event_type = 'token.reuse_detected'", device));
        assertEquals("refresh_token_reuse", sql.string("SELECT revoke_reason FROM refresh_families WHERE device_id = ?", device));
        assertEquals("refresh_token_reuse", sql.string("SELECT revoke_reason FROM devices WHERE id = ?", device));
    }

    @Test
    void fiftyConcurrentRefreshesOfOneTokenRotateOnceAndAllGetTheSameSuccessor() throws Exception {
        Logins logins = new Logins(http);
        Http.Response login = logins.alice();
        String token = login.field("refresh_token");
        int threads = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Http.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return logins.refresh(token);
                }));
            }
            start.countDown();
            Set<String> successors = new HashSet<>();
            for (Future<Http.Response> future : futures) {
                Http.Response response = future.get();
                assertEquals(200, response.status(), response::toString);
                successors.add(response.field("refresh_token"));
                assertEquals(sid(login), sid(response));
            }
            assertEquals(1, successors.size(), "one successor, handed to every caller");
        } finally {
            pool.shutdownNow();
        }
        UUID device = UUID.fromString(sid(login));
        assertEquals(1, sql.count("SELECT count(*) FROM audit_events WHERE device_id = ? AND detail = 'rotated'", device));
        assertEquals(49, sql.count("SELECT count(*) FROM audit_events WHERE device_id = ? AND detail = 'grace_retry'", device));
        assertEquals(2, sql.count("SELECT count(*) FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id "
                + "WHERE f.device_id = ?", device), "one family, one chain: the first token and its successor");
        assertEquals(0, sql.count("SELECT count(*) FROM refresh_families WHERE device_id = ? AND revoked_at IS NOT NULL", device));
    }

    @Test
    void refreshAliasTakesJsonAndForm() {
        Logins logins = new Logins(http);
        String token = logins.alice().field("refresh_token");
        Http.Response json = http.send("/refresh", "POST", "application/json",
                "{\"refresh_token\":\"" + token + "\"}", Http.basic("cli", "cli-secret"));
        assertEquals(200, json.status(), json::toString);

        Http.Response form = http.postForm("/refresh", "cli", "cli-secret",
                params("refresh_token", json.field("refresh_token")));
        assertEquals(200, form.status(), form::toString);

        Http.Response wrongGrant = http.postForm("/refresh", "cli", "cli-secret",
                params("grant_type", "password", "refresh_token", form.field("refresh_token")));
        assertEquals("unsupported_grant_type", wrongGrant.field("error"));
    }

    @Test
    void anotherClientCannotUseTheRefreshTokenNorBurnIt() {
        Logins logins = new Logins(http);
        String token = logins.alice().field("refresh_token");
        Http.Response stolen = http.postForm("/oauth/token", "docs", "docs-secret",
                params("grant_type", "refresh_token", "refresh_token", token));

        assertEquals(400, stolen.status());
        assertEquals("invalid_grant", stolen.field("error"));
        assertEquals(200, logins.refresh(token).status(), "the owner's token was not rotated by the attempt");
    }

    @Test
    void idleFamilyExpiresAfterSevenDays() {
        Logins logins = new Logins(http);
        String token = logins.alice().field("refresh_token");
        clock.advance(Duration.ofDays(7).plusSeconds(1));

        Http.Response response = logins.refresh(token);
        assertEquals("invalid_grant", response.field("error"));
        assertTrue(response.field("error_description").contains("expired"), response::toString);
    }

    @Test
    void familyEndsAfterThirtyDaysEvenWhenUsedEveryWeek() {
        Logins logins = new Logins(http);
        String token = logins.alice().field("refresh_token");
        for (int week = 1; week <= 4; week++) {
            clock.advance(Duration.ofDays(6));
            Http.Response refreshed = logins.refresh(token);
            assertEquals(200, refreshed.status(), "day " + 6 * week + ": " + refreshed);
            token = refreshed.field("refresh_token");
        }
        clock.advance(Duration.ofDays(6));
        assertEquals("invalid_grant", logins.refresh(token).field("error"), "day 30: absolute lifetime reached");
    }

    @Test
    void refreshMayNarrowButNotWidenTheScope() throws Exception {
        Logins logins = new Logins(http);
        String token = http.postForm("/oauth/token", "cli", "cli-secret", params("grant_type", "password",
                "username", "alice", "password", "alice-pass", "scope", "openid orders:read")).field("refresh_token");

        Http.Response narrowed = http.postForm("/oauth/token", "cli", "cli-secret",
                params("grant_type", "refresh_token", "refresh_token", token, "scope", "orders:read"));
        assertEquals(200, narrowed.status(), narrowed::toString);
        assertEquals("orders:read", SignedJWT.parse(narrowed.field("access_token")).getJWTClaimsSet().getStringClaim("scope"));

        Http.Response widened = http.postForm("/oauth/token", "cli", "cli-secret",
                params("grant_type", "refresh_token", "refresh_token", narrowed.field("refresh_token"), "scope", "orders:write"));
        assertEquals("invalid_scope", widened.field("error"));
        assertTrue(logins.active(narrowed.field("refresh_token")), "a refused refresh does not consume the token");
    }

    private static String sid(Http.Response response) throws Exception {
        return SignedJWT.parse(response.field("access_token")).getJWTClaimsSet().getStringClaim("sid");
    }
}
