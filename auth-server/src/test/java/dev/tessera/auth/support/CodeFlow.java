package dev.tessera.auth.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.crypto.Hashes;
import dev.tessera.testing.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The authorization code flow with PKCE as a browser runs it against the auth server: authorize, the
 * login form, and the redirect back to the client (not followed, so the test can read the code).
 */
public final class CodeFlow {

    public static final String VERIFIER = "aW5zZWN1cmUtdGVzdC12ZXJpZmllci10aGF0LWlzLWxvbmctZW5vdWdoLTQzKw";

    private final Browser browser;

    public CodeFlow(Browser browser) {
        this.browser = browser;
    }

    public static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(verifier));
    }

    public static String authorizeUri(String clientId, String redirectUri, String scope) {
        return "/oauth/authorize?response_type=code&client_id=" + clientId + "&redirect_uri=" + encode(redirectUri)
                + "&scope=" + encode(scope) + "&state=st-1&code_challenge=" + challenge(VERIFIER)
                + "&code_challenge_method=S256";
    }

    /** Authorize; if the login page comes, sign in on it. Returns the redirect back to the client. */
    public Http.Response authorize(String clientId, String redirectUri, String scope, String username, String password) {
        Http.Response response = browser.get(authorizeUri(clientId, redirectUri, scope));
        assertEquals(302, response.status(), response::toString);
        if (!response.header("Location").startsWith("/login?request=")) {
            return response;
        }
        return signIn(response.header("Location"), username, password);
    }

    /** Opens the login page at {@code loginUri} and submits the form. */
    public Http.Response signIn(String loginUri, String username, String password) {
        Http.Response page = browser.get(loginUri);
        assertEquals(200, page.status(), page::toString);
        Map<String, String> form = Browser.hiddenInputs(page);
        form.put("username", username);
        form.put("password", password);
        Http.Response back = browser.postForm("/login", form);
        assertEquals(302, back.status(), back::toString);
        return back;
    }

    /** The code of a redirect back to {@code redirectUri}, or fails the test. */
    public static String code(Http.Response back, String redirectUri) {
        assertTrue(back.header("Location").startsWith(redirectUri + "?code="), back.header("Location"));
        return Browser.queryParam(back, "code");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
