package dev.tessera.auth.account;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.support.WebApps;
import dev.tessera.auth.user.User;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account page: a user's devices with this browser marked, signing others out, recent sign-ins. */
@MicronautTest(transactional = false)
class AccountPageTest extends IntegrationTest {

    @Inject
    TestAccounts accounts;

    private Http.Response phone(User user) {
        Http.Response login = http.postForm("/oauth/token", "cli", "cli-secret", params("grant_type", "password",
                "username", user.username(), "password", TestAccounts.PASSWORD, "device_name", "Phone", "device_type", "mobile"));
        assertEquals(200, login.status(), login::toString);
        return login;
    }

    private static String sid(Http.Response login) throws Exception {
        return SignedJWT.parse(login.field("access_token")).getJWTClaimsSet().getStringClaim("sid");
    }

    private Http.Response refresh(Http.Response login) {
        return http.postForm("/oauth/token", "cli", "cli-secret",
                params("grant_type", "refresh_token", "refresh_token", login.field("refresh_token")));
    }

    @Test
    void signingOutAllOtherDevicesKeepsThisBrowserSignedIn() throws Exception {
        User user = accounts.user("user");
        Http.Response phone = phone(user);
        Browser browser = new Browser(http);
        Http.Response page = WebApps.signIn(browser, "/account", user.username(), TestAccounts.PASSWORD);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("data-device=\"" + sid(phone) + "\" data-current=\"false\""), page.body());
        assertTrue(page.body().contains("id=\"this-device\""), "this browser is marked");
        assertTrue(page.body().contains("via=sso"), "the browser's sign-in is listed");

        Http.Response confirm = browser.get("/account/sign-out-others");
        assertTrue(confirm.body().contains("Sign out all other devices?"));
        Http.Response done = browser.postForm("/account/sign-out-others", Browser.hiddenInputs(confirm));
        assertEquals(303, done.status(), done::toString);

        assertEquals("invalid_grant", refresh(phone).field("error"), "the phone is signed out");
        Http.Response after = browser.get(done.header("Location"));
        assertEquals(200, after.status(), "still signed in here, no new sign-in: " + after);
        assertTrue(after.body().contains("data-notice=\"others-signed-out\""));
        assertFalse(after.body().contains(sid(phone)), "the phone is gone from the list");
    }

    @Test
    void oneDeviceIsSignedOutAfterConfirmingAndSomeoneElsesDeviceIsNotFound() throws Exception {
        User user = accounts.user("user");
        Http.Response phone = phone(user);
        Http.Response strangersPhone = phone(accounts.user("user"));
        Browser browser = new Browser(http);
        WebApps.signIn(browser, "/account", user.username(), TestAccounts.PASSWORD);

        assertEquals(404, browser.get("/account/devices/" + sid(strangersPhone) + "/sign-out").status());
        String action = "/account/devices/" + sid(phone) + "/sign-out";
        Http.Response confirm = browser.get(action);
        assertEquals(200, confirm.status(), confirm::toString);
        assertEquals(404, browser.postForm("/account/devices/" + sid(strangersPhone) + "/sign-out",
                Browser.hiddenInputs(confirm)).status());
        assertEquals(400, browser.postForm("/account/devices/not-a-uuid/sign-out", Browser.hiddenInputs(confirm)).status());
        assertEquals(303, browser.postForm(action, Browser.hiddenInputs(confirm)).status());
        assertEquals("invalid_grant", refresh(phone).field("error"));
        assertTrue(new Logins(http).active(strangersPhone.field("access_token")), "the stranger's phone is untouched");
    }

    @Test
    void everyAccountActionWithoutTheCsrfTokenIsRefused() throws Exception {
        User user = accounts.user("user");
        Http.Response phone = phone(user);
        Browser browser = new Browser(http);
        WebApps.signIn(browser, "/account", user.username(), TestAccounts.PASSWORD);
        for (String action : new String[] {"/account/devices/" + sid(phone) + "/sign-out", "/account/sign-out-others"}) {
            assertEquals(403, browser.postForm(action, Map.of()).status(), action);
            assertEquals(403, browser.postForm(action, Map.of("csrf", "x".repeat(32))).status(), action);
        }
        assertEquals(200, refresh(phone).status(), "nothing was signed out");
    }

    @Test
    void withoutASessionAPostChangesNothingAndSendsTheBrowserToThePage() {
        Http.Response post = new Browser(http).postForm("/account/sign-out-others", Map.of("csrf", "x"));
        assertEquals(303, post.status(), post::toString);
        assertEquals("/account/sign-out-others", post.header("Location"), "the confirmation page, which signs in first");
    }
}
