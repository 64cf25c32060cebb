package dev.tessera.auth.admin;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.auth.support.Sql;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.user.User;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API: role checks, kicks that take effect at once, revocation by jti and per user, audit, stats. */
@MicronautTest(transactional = false)
class AdminApiTest extends IntegrationTest {

    @Inject
    TestAccounts accounts;
    @Inject
    Sql sql;

    private String admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = "Bearer " + new Logins(http).adminToken();
    }

    private Http.Response login(User user) {
        Http.Response response = http.postForm("/oauth/token", "cli", "cli-secret", params("grant_type", "password",
                "username", user.username(), "password", TestAccounts.PASSWORD));
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    private static String sid(Http.Response login) throws Exception {
        return SignedJWT.parse(login.field("access_token")).getJWTClaimsSet().getStringClaim("sid");
    }

    @Test
    void adminKickEndsTheDevicesRefreshAndAccessTokenAtOnce() throws Exception {
        User user = accounts.user();
        Http.Response victim = login(user);
        Http.Response other = login(user);

        Http.Response kick = http.send("/admin/users/" + user.id() + "/devices/" + sid(victim), "DELETE", null, null, admin);

        assertEquals(200, kick.status(), kick::toString);
        assertTrue(kick.json().get("propagated").asBoolean());
        Logins logins = new Logins(http);
        assertFalse(logins.active(victim.field("access_token")), "refused by introspection at once");
        Http.Response refresh = logins.refresh(victim.field("refresh_token"));
        assertEquals("signed out by an administrator", refresh.field("error_description"));
        assertTrue(logins.active(other.field("access_token")), "the user's other device is untouched");
        assertEquals(1, sql.count("SELECT count(*) FROM audit_events WHERE device_id = ? AND event_type = 'device.kicked' "
                + "AND actor LIKE 'user:%'", UUID.fromString(sid(victim))));
    }

    @Test
    void adminKickAllSignsOutEveryDeviceOfThatUserOnly() {
        User user = accounts.user();
        User bystander = accounts.user();
        Http.Response a = login(user);
        Http.Response b = login(user);
        Http.Response c = login(bystander);

        Http.Response kick = http.send("/admin/users/" + user.id() + "/devices", "DELETE", null, null, admin);

        assertEquals(2, kick.json().get("signed_out").size());
        Logins logins = new Logins(http);
        assertFalse(logins.active(a.field("access_token")));
        assertFalse(logins.active(b.field("access_token")));
        assertTrue(logins.active(c.field("access_token")));
        assertEquals(0, http.get("/admin/users/" + user.id() + "/devices", admin).json().size());
    }

    @Test
    void revokeBeforeEndsEverythingIssuedSoFar() {
        User user = accounts.user();
        Http.Response before = login(user);

        Http.Response response = http.send("/admin/users/" + user.id() + "/revoke-before", "POST", null, null, admin);

        assertEquals(200, response.status(), response::toString);
        Logins logins = new Logins(http);
        assertFalse(logins.active(before.field("access_token")));
        assertEquals("invalid_grant", logins.refresh(before.field("refresh_token")).field("error"));
        clock.advance(java.time.Duration.ofSeconds(1));
        Http.Response after = login(user);
        assertTrue(logins.active(after.field("access_token")), "a new login after the mark works");
        assertEquals(1, sql.count("SELECT count(*) FROM audit_events WHERE user_id = ? AND event_type = 'user.revoked_before'", user.id()));
    }

    @Test
    void revokeByJtiDeniesThatTokenOnly() throws Exception {
        User user = accounts.user();
        Http.Response login = login(user);
        String jti = SignedJWT.parse(login.field("access_token")).getJWTClaimsSet().getJWTID();

        Http.Response response = http.send("/admin/tokens/revoke", "POST", "application/json", "{\"jti\":\"" + jti + "\"}", admin);

        assertEquals(200, response.status(), response::toString);
        Logins logins = new Logins(http);
        assertFalse(logins.active(login.field("access_token")));
        assertEquals(200, logins.refresh(login.field("refresh_token")).status(), "the sign-in itself continues");
    }

    @Test
    void revokeByJtiRejectsGarbage() {
        for (String body : new String[] {"", "not json", "[]", "{}", "{\"jti\":42}", "{\"jti\":\"has spaces\"}",
                "{\"jti\":\"" + "x".repeat(200) + "\"}"}) {
            Http.Response response = http.send("/admin/tokens/revoke", "POST", "application/json", body, admin);
            assertEquals(400, response.status(), body + " -> " + response);
            assertEquals("invalid_request", response.field("error"));
        }
    }

    @Test
    void usersCanBeSearchedAndTheirDevicesListed() {
        User user = accounts.user();
        login(user);
        Http.Response found = http.get("/admin/users?q=" + user.username() + "&size=5", admin);
        assertEquals(200, found.status(), found::toString);
        assertEquals(1, found.json().get("users").size());
        assertEquals(user.id().toString(), found.json().get("users").get(0).get("id").asText());
        assertFalse(found.body().contains("argon2"), "never the password hash");
        Http.Response devices = http.get("/admin/users/" + user.id() + "/devices", admin);
        assertEquals(1, devices.json().size());
        Http.Response wildcard = http.get("/admin/users?q=%25%25%25" + UUID.randomUUID(), admin);
        assertEquals(0, wildcard.json().get("users").size(), "% in the query is a literal, not a wildcard");
    }

    @Test
    void unknownIdsAre404AndMalformedIds400() throws Exception {
        User user = accounts.user();
        User other = accounts.user();
        Http.Response othersDevice = login(other);
        assertEquals(404, http.get("/admin/users/" + UUID.randomUUID() + "/devices", admin).status());
        Http.Response wrongOwner = http.send("/admin/users/" + user.id() + "/devices/" + sid(othersDevice), "DELETE", null, null, admin);
        assertEquals(404, wrongOwner.status(), "a device is addressed through its own user");
        assertEquals("not_found", wrongOwner.field("error"));
        assertTrue(new Logins(http).active(othersDevice.field("access_token")));
        for (String path : new String[] {"/admin/users/nope/devices", "/admin/audit?user=nope", "/admin/audit?type=DROP%20TABLE",
                "/admin/users?size=0", "/admin/users?size=100000", "/admin/users?page=-1"}) {
            Http.Response response = http.get(path, admin);
            assertEquals(400, response.status(), path + " -> " + response);
            assertEquals("invalid_request", response.field("error"));
        }
    }

    @Test
    void auditIsPagedAndFilteredByUserAndType() {
        User user = accounts.user();
        login(user);
        new Logins(http).password(user.username(), "wrong");

        JsonNode all = http.get("/admin/audit?user=" + user.id(), admin).json().get("events");
        JsonNode failures = http.get("/admin/audit?user=" + user.id() + "&type=login.failed", admin).json().get("events");
        JsonNode firstPage = http.get("/admin/audit?user=" + user.id() + "&size=1", admin).json().get("events");

        assertEquals(2, all.size());
        assertEquals("login.failed", all.get(0).get("type").asText(), "newest first");
        assertEquals(1, failures.size());
        assertEquals(1, firstPage.size());
    }

    @Test
    void statsCountWhatHappened() {
        User user = accounts.user();
        Http.Response login = login(user);
        new Logins(http).refresh(login.field("refresh_token"));
        http.send("/admin/users/" + user.id() + "/devices", "DELETE", null, null, admin);

        JsonNode stats = http.get("/admin/stats", admin).json();

        assertTrue(stats.get("online_users").asLong() >= 1, stats::toString);
        assertTrue(stats.get("refreshes_last_minute").asLong() >= 1);
        assertTrue(stats.get("kicks_last_minute").asLong() >= 1);
        assertTrue(stats.get("logins_last_minute").asLong() >= 1);
        assertTrue(stats.get("revocation_feed_healthy").asBoolean());
        assertEquals(0.0, stats.get("revocation_lag_seconds").asDouble(), "everything reached Redis");
        assertTrue(stats.has("active_sso_sessions"), stats::toString);
    }

    @Test
    void everyAdminEndpointNeedsTheAdminRole() {
        String alice = "Bearer " + new Logins(http).alice().field("access_token");
        String[][] endpoints = {{"GET", "/admin/users"}, {"GET", "/admin/users/" + UUID.randomUUID() + "/devices"},
                {"DELETE", "/admin/users/" + UUID.randomUUID() + "/devices"}, {"POST", "/admin/tokens/revoke"},
                {"GET", "/admin/audit"}, {"GET", "/admin/stats"}, {"POST", "/admin/users/" + UUID.randomUUID() + "/revoke-before"},
                {"POST", "/admin/keys/rotate"}};
        for (String[] endpoint : endpoints) {
            Http.Response asUser = http.send(endpoint[1], endpoint[0], "application/json", "{}", alice);
            assertEquals(403, asUser.status(), endpoint[0] + " " + endpoint[1]);
            assertEquals("insufficient_scope", asUser.field("error"), "RFC 6750 §3.1");
            assertEquals(401, http.send(endpoint[1], endpoint[0], "application/json", "{}", null).status());
        }
    }
}
