package dev.tessera.auth.device;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.testing.Http;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.user.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Self-service device management: GET /me/devices, DELETE /me/devices/{id}, DELETE /me/devices?except=current. */
@MicronautTest(transactional = false)
class MyDevicesTest extends IntegrationTest {

    @Inject
    TestAccounts accounts;

    private Http.Response login(User user, String deviceName) {
        Http.Response response = http.postForm("/oauth/token", "cli", "cli-secret", params("grant_type", "password",
                "username", user.username(), "password", TestAccounts.PASSWORD, "device_name", deviceName));
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    private static String bearer(Http.Response login) {
        return "Bearer " + login.field("access_token");
    }

    private static String sid(Http.Response login) throws Exception {
        return SignedJWT.parse(login.field("access_token")).getJWTClaimsSet().getStringClaim("sid");
    }

    @Test
    void listShowsTheUsersDevicesAndMarksTheCurrentOne() throws Exception {
        User user = accounts.user();
        Http.Response laptop = login(user, "Laptop");
        Http.Response phone = login(user, "Phone");

        Http.Response list = http.get("/me/devices", bearer(phone));

        assertEquals(200, list.status(), list::toString);
        assertEquals(2, list.json().size());
        for (JsonNode device : list.json()) {
            boolean isPhone = device.get("id").asText().equals(sid(phone));
            assertEquals(isPhone, device.get("current").asBoolean());
            assertEquals(isPhone ? "Phone" : "Laptop", device.get("name").asText());
        }
        assertTrue(list.json().toString().contains(sid(laptop)));
    }

    @Test
    void signingOutAnotherOfMyDevicesEndsItsRefreshAndAccessTokens() throws Exception {
        User user = accounts.user();
        Http.Response laptop = login(user, "Laptop");
        Http.Response phone = login(user, "Phone");

        Http.Response response = http.send("/me/devices/" + sid(laptop), "DELETE", null, null, bearer(phone));

        assertEquals(200, response.status(), response::toString);
        assertTrue(response.json().get("propagated").asBoolean());
        Logins logins = new Logins(http);
        assertEquals("invalid_grant", logins.refresh(laptop.field("refresh_token")).field("error"));
        assertEquals("signed out by the user", logins.refresh(laptop.field("refresh_token")).field("error_description"));
        assertFalse(logins.active(laptop.field("access_token")));
        assertTrue(logins.active(phone.field("access_token")));
    }

    @Test
    void signOutOtherDevicesKeepsOnlyTheCurrentOne() throws Exception {
        User user = accounts.user();
        Http.Response a = login(user, "A");
        Http.Response b = login(user, "B");
        Http.Response current = login(user, "Current");

        Http.Response response = http.send("/me/devices?except=current", "DELETE", null, null, bearer(current));

        assertEquals(200, response.status(), response::toString);
        assertEquals(2, response.json().get("signed_out").size());
        Logins logins = new Logins(http);
        assertFalse(logins.active(a.field("access_token")));
        assertFalse(logins.active(b.field("access_token")));
        assertTrue(logins.active(current.field("access_token")));
        assertEquals(1, http.get("/me/devices", bearer(current)).json().size());
    }

    @Test
    void anotherUsersDeviceLooksExactlyLikeAMissingOne() throws Exception {
        User alice = accounts.user();
        User mallory = accounts.user();
        Http.Response aliceLogin = login(alice, "Alice's");
        Http.Response malloryLogin = login(mallory, "Mallory's");

        Http.Response foreign = http.send("/me/devices/" + sid(aliceLogin), "DELETE", null, null, bearer(malloryLogin));
        Http.Response missing = http.send("/me/devices/" + UUID.randomUUID(), "DELETE", null, null, bearer(malloryLogin));

        assertEquals(404, foreign.status());
        assertEquals(missing.body(), foreign.body());
        assertEquals("not_found", foreign.field("error"));
        assertTrue(new Logins(http).active(aliceLogin.field("access_token")));
    }

    @Test
    void malformedIdsAndArgumentsAreBadRequests() {
        Http.Response login = login(accounts.user(), "X");
        for (String path : new String[] {"/me/devices/not-a-uuid", "/me/devices/'%20OR%201=1", "/me/devices?except=everything"}) {
            Http.Response response = http.send(path, "DELETE", null, null, bearer(login));
            assertEquals(400, response.status(), path + " -> " + response);
            assertEquals("invalid_request", response.field("error"));
        }
    }

    @Test
    void clientTokensAndMissingTokensCannotManageDevices() {
        Http.Response service = http.postForm("/oauth/token", "service-a", "service-a-secret",
                params("grant_type", "client_credentials"));
        assertEquals(403, http.get("/me/devices", bearer(service)).status());
        Http.Response anonymous = http.get("/me/devices");
        assertEquals(401, anonymous.status());
        assertEquals("Bearer realm=\"tessera\"", anonymous.header("WWW-Authenticate"));
        Http.Response forged = http.get("/me/devices", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        assertEquals(401, forged.status());
        assertTrue(forged.header("WWW-Authenticate").contains("error=\"invalid_token\""), "RFC 6750 §3.1");
    }
}
