package dev.tessera.webclient.web;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tessera.web.Redirects;
import dev.tessera.webclient.WebClientProperties;
import dev.tessera.webclient.oidc.TokenEndpoint;
import dev.tessera.webclient.oidc.TokenVerifier;
import dev.tessera.webclient.session.SessionStore;
import dev.tessera.webclient.session.WebSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /login} starts the authorization code flow with PKCE (RFC 7636), state and nonce;
 * {@code GET /callback} redeems the code, verifies the ID token and creates a new session.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class LoginFlowController {

    private static final Logger LOG = LoggerFactory.getLogger(LoginFlowController.class);
    /** The token endpoint could not answer (unreachable, or a dependency of the auth server away). */
    private static final Set<String> UNAVAILABLE = Set.of("unavailable", "temporarily_unavailable", "server_error");

    private final WebClientProperties properties;
    private final PendingLogins pendingLogins;
    private final SessionStore sessions;
    private final SessionCookies cookies;
    private final TokenEndpoint tokens;
    private final TokenVerifier verifier;
    private final RoutedIds ids;
    private final PublicAddress address;
    private final Pages pages;

    public LoginFlowController(WebClientProperties properties, PendingLogins pendingLogins, SessionStore sessions,
                               SessionCookies cookies, TokenEndpoint tokens, TokenVerifier verifier, RoutedIds ids,
                               PublicAddress address, Pages pages) {
        this.properties = properties;
        this.pendingLogins = pendingLogins;
        this.sessions = sessions;
        this.cookies = cookies;
        this.tokens = tokens;
        this.verifier = verifier;
        this.ids = ids;
        this.address = address;
        this.pages = pages;
    }

    @Get("/login")
    public HttpResponse<?> login(HttpRequest<?> request) {
        // The state carries this replica's route, so nginx sends the callback of a sticky login back here.
        String state = ids.next(24);
        String nonce = RoutedIds.random(24);
        String codeVerifier = RoutedIds.random(48);
        // The redirect URI is remembered with the login: the code exchange must repeat it exactly (RFC 6749 §4.1.3).
        String redirectUri = address.redirectUri(request);
        String authorize = properties.issuer() + "/oauth/authorize?response_type=code"
                + "&client_id=" + encode(properties.clientId())
                + "&redirect_uri=" + encode(redirectUri)
                + "&scope=" + encode("openid profile email offline_access")
                + "&state=" + state + "&nonce=" + nonce
                + "&code_challenge=" + s256(codeVerifier) + "&code_challenge_method=S256";
        MutableHttpResponse<?> redirect = Redirects.found(URI.create(authorize));
        pendingLogins.start(request, state, new PendingLogins.Pending(nonce, codeVerifier, redirectUri)).forEach(redirect::cookie);
        return redirect;
    }

    @Get("/callback")
    public HttpResponse<?> callback(HttpRequest<?> request, @Nullable @QueryValue String code,
                                    @Nullable @QueryValue String state, @Nullable @QueryValue String error) {
        MutableHttpResponse<?> response = complete(request, code, state, error);
        pendingLogins.finish(request, state).ifPresent(response::cookie);
        return response;
    }

    private MutableHttpResponse<?> complete(HttpRequest<?> request, String code, String state, String error) {
        if (error != null) {
            return pages.message(request, HttpStatus.BAD_REQUEST,
                    Message.withAction("Sign-in did not complete", error, "/login", "Try again"));
        }
        // The state must name a login this browser started (CSRF on the callback, RFC 6749 §10.12), and
        // brings its nonce and PKCE verifier; the login's cookie is cleared whatever the outcome.
        PendingLogins.Pending pending = pendingLogins.find(request, state).orElse(null);
        if (code == null || pending == null) {
            return pages.message(request, HttpStatus.BAD_REQUEST,
                    Message.withAction("This sign-in link is not valid", null, "/login", "Sign in"));
        }
        try {
            TokenEndpoint.Tokens issued = tokens.exchangeCode(code, pending.codeVerifier(), pending.redirectUri());
            JWTClaimsSet id = verifier.idToken(issued.idToken(), pending.nonce());
            // Millisecond precision: what every session store keeps.
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            // Whatever session id the browser had is dropped: the session after login is always new.
            cookies.id(request).ifPresent(sessions::delete);
            WebSession session = new WebSession(ids.next(32), id.getSubject(), stringClaim(id, "preferred_username"),
                    stringClaim(id, "name"), rolesOf(issued.accessToken()), now, stringClaim(id, "sid"),
                    RoutedIds.random(24), issued.idToken(), issued.refreshToken(), now.plusSeconds(issued.expiresIn()));
            sessions.save(session);
            LOG.info("{} signed in at {} (sid {})", session.username(), properties.clientId(), session.sid());
            return Redirects.found(URI.create("/")).cookie(cookies.issue(session.id(), request));
        } catch (TokenEndpoint.Refused e) {
            LOG.warn("sign-in failed: {}", e.getMessage());
            if (UNAVAILABLE.contains(e.error())) {
                return pages.message(request, HttpStatus.SERVICE_UNAVAILABLE,
                        Message.withAction("Sign-in is unavailable for a moment", null, "/login", "Try again"))
                        .header(HttpHeaders.RETRY_AFTER, "5");
            }
            return signInFailed(request);
        } catch (TokenVerifier.InvalidToken e) {
            LOG.warn("sign-in failed: {}", e.getMessage());
            return signInFailed(request);
        }
    }

    /**
     * Never a 502: nginx reads a 502 as this replica failing, tries the callback (a single-use code) on the
     * others and takes this one out of rotation, which in the sticky scheme logs out every user it holds
     * (measured: ./tessera chaos). The sign-in failed for this request only.
     */
    private MutableHttpResponse<?> signInFailed(HttpRequest<?> request) {
        return pages.message(request, HttpStatus.BAD_REQUEST, Message.withAction("Sign-in failed", null, "/login", "Try again"));
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    /** Roles travel in the access token; it came straight from the token endpoint over TLS/loopback. */
    private static List<String> rolesOf(String accessToken) {
        try {
            List<String> roles = com.nimbusds.jwt.SignedJWT.parse(accessToken).getJWTClaimsSet().getStringListClaim("roles");
            return roles == null ? List.of() : roles;
        } catch (ParseException e) {
            return List.of();
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
