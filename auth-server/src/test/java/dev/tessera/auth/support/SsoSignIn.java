package dev.tessera.auth.support;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.user.User;
import dev.tessera.testing.Http;
import java.util.Base64;
import java.util.Map;

/**
 * The authorization code flow as a test app drives it: authorize with PKCE (S256 of {@link #VERIFIER}),
 * the login form when the browser has no SSO session, the code back at the {@link ClientApp}, redemption.
 */
public final class SsoSignIn {

    public static final String VERIFIER = "sso-sign-in-verifier-0123456789-0123456789-0123456789";

    private final Http http;
    private final ClientApp app;

    public SsoSignIn(Http http, ClientApp app) {
        this.http = http;
        this.app = app;
    }

    public String callback() {
        return app.base() + "/callback";
    }

    /** {@code /oauth/authorize} for {@code client}, scope openid, with the PKCE challenge. */
    public String authorizePath(Client client) {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(VERIFIER));
        return "/oauth/authorize?response_type=code&client_id=" + client.id() + "&redirect_uri=" + callback()
                + "&scope=openid&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    /** Authorizes in {@code browser}, logging in as {@code user} when asked; the redirect back with the code. */
    public Http.Response authorize(Browser browser, Client client, User user) {
        Http.Response first = browser.get(authorizePath(client));
        if (!first.header("Location").startsWith("/login")) {
            return first;
        }
        Map<String, String> form = Browser.hiddenInputs(browser.get(first.header("Location")));
        form.put("username", user.username());
        form.put("password", TestAccounts.PASSWORD);
        Http.Response back = browser.postForm("/login", form);
        assertEquals(302, back.status(), back::toString);
        return back;
    }

    /** The code of {@link #authorize}. */
    public String code(Browser browser, Client client, User user) {
        return Browser.queryParam(authorize(browser, client, user), "code");
    }

    /** The token endpoint's answer to redeeming {@code code} as {@code client} (secret {@link TestAccounts#SECRET}). */
    public Http.Response redeem(Client client, String code) {
        return http.postForm("/oauth/token", client.id(), TestAccounts.SECRET, params("grant_type", "authorization_code",
                "code", code, "redirect_uri", callback(), "code_verifier", VERIFIER));
    }

    /** Signs in and redeems the code: the token response (or fails the test). */
    public Http.Response tokens(Browser browser, Client client, User user) {
        Http.Response tokens = redeem(client, code(browser, client, user));
        assertEquals(200, tokens.status(), tokens::toString);
        return tokens;
    }
}
