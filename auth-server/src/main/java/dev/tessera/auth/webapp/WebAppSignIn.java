package dev.tessera.auth.webapp;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientStore;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.protocol.RequestOrigin;
import dev.tessera.auth.sso.authorize.AuthorizationFlow;
import dev.tessera.auth.sso.page.Pages;
import dev.tessera.auth.token.grant.AuthorizationCodeGrant;
import dev.tessera.auth.token.grant.AuthorizationCodeRequest;
import dev.tessera.auth.token.grant.TokenResponse;
import dev.tessera.web.Redirects;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a browser in to the console or the account page the way any client signs in through the SSO:
 * an authorization request with state and PKCE S256 (RFC 7636) to {@code /oauth/authorize}, then the
 * code exchanged at the authorization code grant, in process (the grant never sees HTTP; the app is a
 * public client, so PKCE is what binds the code to it). State, verifier and redirect URI wait in Redis
 * under a cookie of this browser, so a callback started elsewhere (login CSRF) finds nothing.
 */
@Singleton
public class WebAppSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(WebAppSignIn.class);

    private final WebAppSessions sessions;
    private final WebAppRegistrations registrations;
    private final WebAppProperties properties;
    private final ClientStore clients;
    private final AuthorizationCodeGrant codes;
    private final HttpHostResolver hosts;

    public WebAppSignIn(WebAppSessions sessions, WebAppRegistrations registrations, WebAppProperties properties,
                        ClientStore clients, AuthorizationCodeGrant codes, HttpHostResolver hosts) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.properties = properties;
        this.clients = clients;
        this.codes = codes;
        this.hosts = hosts;
    }

    /** Sends the browser to the authorization endpoint; after the sign-in it comes back to {@code returnTo}. */
    public MutableHttpResponse<?> start(WebApp app, HttpRequest<?> request, String returnTo) {
        String state = Hashes.randomToken(24);
        String verifier = Hashes.randomToken(48);
        String redirectUri = registrations.redirectUri(app, Optional.ofNullable(hosts.resolve(request)));
        String id = sessions.startSignIn(app, new WebAppSessions.PendingSignIn(state, verifier, redirectUri,
                safeReturn(app, returnTo)), properties.signInTtl());
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(verifier));
        String authorize = "/oauth/authorize?response_type=code&client_id=" + AuthorizationFlow.encode(app.clientId())
                + "&redirect_uri=" + AuthorizationFlow.encode(redirectUri) + "&scope=" + AuthorizationFlow.encode(app.scope())
                + "&state=" + state + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        return Redirects.found(URI.create(authorize)).cookie(signInCookie(app, id, request, properties.signInTtl()));
    }

    /** The redirect back from the authorization endpoint (RFC 6749 §4.1.2): checks state, redeems the code. */
    public MutableHttpResponse<?> callback(WebApp app, HttpRequest<?> request) {
        Map<String, List<String>> query = AuthorizationFlow.parseQuery(request.getUri().getRawQuery());
        Optional<WebAppSessions.PendingSignIn> pending = request.getCookies().findCookie(app.signInCookie())
                .map(Cookie::getValue).flatMap(id -> sessions.takeSignIn(app, id));
        Cookie clear = signInCookie(app, "", request, Duration.ZERO);
        String state = first(query, "state");
        if (pending.isEmpty() || state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.US_ASCII),
                pending.get().state().getBytes(StandardCharsets.US_ASCII))) {
            // RFC 6749 §10.12: a callback this browser did not start is refused (login CSRF).
            return Pages.message(HttpStatus.BAD_REQUEST, "This sign-in was not started here",
                    "Open the page again to sign in.").cookie(clear);
        }
        if (first(query, "error") != null || first(query, "code") == null) {
            return Pages.message(HttpStatus.FORBIDDEN, "Sign-in did not complete",
                    "The sign-in was refused: " + Optional.ofNullable(first(query, "error")).orElse("no code")).cookie(clear);
        }
        Client client = clients.findById(app.clientId()).orElseThrow();
        TokenResponse tokens;
        try {
            tokens = codes.grant(new AuthorizationCodeRequest(client, first(query, "code"),
                    Optional.of(pending.get().redirectUri()), Optional.of(pending.get().codeVerifier()), RequestOrigin.ip(request)));
        } catch (OAuthException e) {
            LOG.info("{} sign-in refused at the code exchange: {}", app.clientId(), e.description());
            return Pages.message(HttpStatus.BAD_REQUEST, "Sign-in did not complete", "Open the page again to sign in.")
                    .cookie(clear);
        }
        String session = sessions.create(app, tokens.accessToken(), Duration.ofSeconds(tokens.expiresIn()));
        return Redirects.found(URI.create(safeReturn(app, pending.get().returnTo()))).cookie(clear)
                .cookie(sessionCookie(app, session, request));
    }

    /** The app's session cookie: HttpOnly, SameSite=Lax (a top-level redirect from the SSO must carry it). */
    public static Cookie sessionCookie(WebApp app, String value, HttpRequest<?> request) {
        return Cookie.of(app.cookie(), value).httpOnly(true).sameSite(SameSite.Lax).path(app.path())
                .secure(request.isSecure());
    }

    private static Cookie signInCookie(WebApp app, String value, HttpRequest<?> request, Duration ttl) {
        return Cookie.of(app.signInCookie(), value).httpOnly(true).sameSite(SameSite.Lax).path(app.path())
                .secure(request.isSecure()).maxAge(ttl);
    }

    /** Only a path of the app itself: never another origin (open redirect) or a protocol-relative URL. */
    static String safeReturn(WebApp app, String returnTo) {
        if (returnTo != null && (returnTo.equals(app.path()) || returnTo.startsWith(app.path() + "/")
                || returnTo.startsWith(app.path() + "?")) && !returnTo.contains("//") && !returnTo.contains("\\")) {
            return returnTo;
        }
        return app.path();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.size() != 1 || values.get(0).isEmpty() ? null : values.get(0);
    }
}
