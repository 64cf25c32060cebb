package dev.tessera.auth.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.Http;
import java.net.URI;

/** Signs a browser in to the console or the account page the way Chromium would: every redirect followed by hand. */
public final class WebApps {

    private WebApps() {
    }

    /** Opens {@code page} (under /console or /account), signs in on the SSO login page, and returns the page. */
    public static Http.Response signIn(Browser browser, String page, String username, String password) {
        Http.Response toAuthorize = browser.get(page);
        assertEquals(302, toAuthorize.status(), toAuthorize::toString);
        assertTrue(toAuthorize.header("Location").startsWith("/oauth/authorize?"), toAuthorize.header("Location"));
        Http.Response authorized = browser.get(toAuthorize.header("Location"));
        assertEquals(302, authorized.status(), authorized::toString);
        if (authorized.header("Location").startsWith("/login?")) {
            authorized = new CodeFlow(browser).signIn(authorized.header("Location"), username, password);
        }
        Http.Response callback = browser.get(pathOf(authorized.header("Location")));
        assertEquals(302, callback.status(), callback::toString);
        return browser.get(callback.header("Location"));
    }

    /** The path and query of a URL: the tests' issuer (http://tessera.test) is not where the server listens. */
    public static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
