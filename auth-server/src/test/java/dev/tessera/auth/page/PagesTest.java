package dev.tessera.auth.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SSO's pages are templates: escaped, styled from /assets, under a strict Content-Security-Policy. */
@MicronautTest(transactional = false)
class PagesTest extends IntegrationTest {

    private static final Pattern NONCE = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]+)'");

    @Test
    void everyPageHasAStrictContentSecurityPolicyWithAFreshNonce() {
        Http.Response first = http.get("/login");
        Http.Response second = http.get("/login");
        assertEquals(200, first.status(), first::toString);
        assertTrue(first.header("Content-Type").startsWith("text/html"), first.header("Content-Type"));
        String csp = first.header("Content-Security-Policy");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
        Matcher a = NONCE.matcher(csp);
        Matcher b = NONCE.matcher(second.header("Content-Security-Policy"));
        assertTrue(a.find() && b.find(), csp);
        assertNotEquals(a.group(1), b.group(1), "a nonce is never reused");
        assertEquals("DENY", first.header("X-Frame-Options"));
        assertEquals("no-store", first.header("Cache-Control"));
        assertFalse(first.body().contains("<script") || first.body().contains("style="), "no script, no inline style");
    }

    @Test
    void whatTheUserTypedIsEscaped() {
        Browser browser = new Browser(http);
        Map<String, String> form = Browser.hiddenInputs(browser.get("/login"));
        form.put("username", "\"><script>alert(1)</script>");
        form.put("password", "wrong");
        Http.Response page = browser.postForm("/login", form);
        assertEquals(401, page.status(), page::toString);
        assertFalse(page.body().contains("<script>alert(1)"), page.body());
        // Inside the attribute the quote cannot close it and no tag can open.
        assertTrue(page.body().contains("value=\"&#34;>&lt;script>alert(1)&lt;/script>\""), page.body());
    }

    @Test
    void theStylesheetIsServedFromTheServerItself() {
        Http.Response css = http.get("/assets/tessera.css");
        assertEquals(200, css.status());
        assertTrue(css.header("Content-Type").startsWith("text/css"), css.header("Content-Type"));
    }
}
