package dev.tessera.auth.webapp;

import dev.tessera.auth.error.ApiException;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.page.PageResponse;
import dev.tessera.auth.protocol.OAuthParameters;
import dev.tessera.auth.revocation.RevocationChecker;
import dev.tessera.auth.sso.page.Pages;
import dev.tessera.auth.sso.session.SsoCookies;
import dev.tessera.auth.token.issue.AccessTokenVerifier;
import dev.tessera.contract.jwt.VerifiedAccessToken;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who may see a page of the console or the account page, and act on its forms. The app's session
 * holds an access token, verified on every request like a bearer token (signature, expiry, the
 * denylist and device marks): signing the browser out anywhere, or the token expiring, ends the session,
 * and the next page signs in again through the SSO (silently while the SSO session lives). The console
 * needs the admin role and scope; everyone else gets a 403 page. Every form carries the CSRF token of
 * the login page's mechanism ({@link SsoCookies}); a POST without it changes nothing.
 */
@Singleton
public class WebAppAccess {

    private final WebAppSessions sessions;
    private final WebAppSignIn signIn;
    private final AccessTokenVerifier verifier;
    private final RevocationChecker revocations;
    private final SsoCookies cookies;

    public WebAppAccess(WebAppSessions sessions, WebAppSignIn signIn, AccessTokenVerifier verifier,
                        RevocationChecker revocations, SsoCookies cookies) {
        this.sessions = sessions;
        this.signIn = signIn;
        this.verifier = verifier;
        this.revocations = revocations;
        this.cookies = cookies;
    }

    /** A GET page: rendered for the signed-in user, after a sign-in if needed. */
    public MutableHttpResponse<?> page(WebApp app, HttpRequest<?> request, Function<SignedIn, MutableHttpResponse<?>> page) {
        String returnTo = request.getUri().getRawQuery() == null ? request.getPath()
                : request.getPath() + "?" + request.getUri().getRawQuery();
        return withUser(app, request, () -> signIn.start(app, request, returnTo), page);
    }

    /**
     * A form POST: performed only for the signed-in user and with the form's CSRF token. Without a
     * session the browser goes back to the page (a GET: it signs in there and confirms again).
     */
    public MutableHttpResponse<?> action(WebApp app, HttpRequest<?> request, String body,
                                         BiFunction<SignedIn, OAuthParameters, MutableHttpResponse<?>> action) {
        OAuthParameters form;
        try {
            form = OAuthParameters.fromForm(request, body);
        } catch (OAuthException e) {
            return Pages.message(HttpStatus.BAD_REQUEST, "The form was not understood", e.description());
        }
        return withUser(app, request, () -> HttpResponse.seeOther(URI.create(request.getPath())), user -> {
            if (!SsoCookies.csrfMatches(request, form.optional("csrf"))) {
                return Pages.message(HttpStatus.FORBIDDEN, "This form has expired",
                        "The security token of the form is missing or wrong. Go back, reload the page and try again.");
            }
            return action.apply(user, form);
        });
    }

    private MutableHttpResponse<?> withUser(WebApp app, HttpRequest<?> request,
                                            Supplier<MutableHttpResponse<?>> signedOut,
                                            Function<SignedIn, MutableHttpResponse<?>> page) {
        Optional<String> sessionId = request.getCookies().findCookie(app.cookie()).map(Cookie::getValue);
        Optional<VerifiedAccessToken> token;
        try {
            token = sessionId.flatMap(id -> sessions.accessToken(app, id)).flatMap(verifier::verifyOrEmpty)
                    .filter(t -> app.clientId().equals(t.clientId()) && !revocations.isRevoked(t));
        } catch (RuntimeException e) {
            // Neither Redis nor PostgreSQL could say whether the session was revoked: fail closed, and say so.
            return Pages.message(HttpStatus.SERVICE_UNAVAILABLE, "Try again in a moment",
                    "Tessera cannot check your session right now.");
        }
        if (token.isEmpty()) {
            sessionId.ifPresent(id -> sessions.delete(app, id));
            return signedOut.get();
        }
        Optional<String> existingCsrf = SsoCookies.currentCsrfToken(request);
        String csrf = existingCsrf.orElseGet(SsoCookies::newCsrfToken);
        SignedIn user = signedIn(token.get(), csrf);
        MutableHttpResponse<?> response = app == WebApp.CONSOLE && !user.administrator() ? forbidden(user) : render(page, user);
        return existingCsrf.isPresent() ? response : response.cookie(cookies.newCsrf(csrf, request));
    }

    /** The page, or the admin API's 400/404 for a bad or unknown id as a page. */
    private static MutableHttpResponse<?> render(Function<SignedIn, MutableHttpResponse<?>> page, SignedIn user) {
        try {
            return page.apply(user);
        } catch (ApiException e) {
            return Pages.message(e.status(), e.status() == HttpStatus.NOT_FOUND ? "Not found" : "Not understood",
                    e.getMessage());
        }
    }

    private static SignedIn signedIn(VerifiedAccessToken token, String csrf) {
        return new SignedIn(UUID.fromString(token.subject()), token.username(),
                token.deviceId() == null ? null : UUID.fromString(token.deviceId()), token.roles(),
                Set.copyOf(token.scopes()), csrf);
    }

    private static MutableHttpResponse<?> forbidden(SignedIn user) {
        return PageResponse.of(HttpStatus.FORBIDDEN, "webapp/forbidden", Map.of("user", user));
    }
}
