package dev.tessera.auth.sso.session;

import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.protocol.RequestOrigin;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The SSO's cookies: the session (HttpOnly, SameSite=Lax so the top-level redirect back from a client
 * carries it) and the login form's CSRF token (double-submit, SameSite=Strict); both {@code Secure} when the
 * browser speaks HTTPS to us or to a trusted proxy in front, and always in production ({@code require-https}).
 */
@Singleton
public class SsoCookies {

    static final String CSRF_COOKIE = "tessera_csrf";

    private final SsoProperties properties;

    public SsoCookies(SsoProperties properties) {
        this.properties = properties;
    }

    public Optional<String> sessionId(HttpRequest<?> request) {
        return request.getCookies().findCookie(properties.cookieName()).map(Cookie::getValue);
    }

    public Cookie session(String id, HttpRequest<?> request) {
        return Cookie.of(properties.cookieName(), id).httpOnly(true).sameSite(SameSite.Lax).path("/")
                .secure(RequestOrigin.secure(request));
    }

    public Cookie clearSession(HttpRequest<?> request) {
        return Cookie.of(properties.cookieName(), "").httpOnly(true).sameSite(SameSite.Lax).path("/").maxAge(0)
                .secure(RequestOrigin.secure(request));
    }

    /** A fresh CSRF token for a form, and its cookie. */
    public Cookie newCsrf(String token, HttpRequest<?> request) {
        return Cookie.of(CSRF_COOKIE, token).httpOnly(true).sameSite(SameSite.Strict).path("/")
                .secure(RequestOrigin.secure(request));
    }

    public static String newCsrfToken() {
        return Hashes.randomToken(24);
    }

    /**
     * The CSRF token this browser already has, for pages with several forms that may be open in several
     * tabs (console, account): they share the cookie's token instead of each replacing it.
     */
    public static Optional<String> currentCsrfToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(CSRF_COOKIE).map(Cookie::getValue).filter(t -> t.length() == 32);
    }

    /** The form's token equals the cookie's, compared in constant time. */
    public static boolean csrfMatches(HttpRequest<?> request, Optional<String> formToken) {
        Optional<String> cookie = request.getCookies().findCookie(CSRF_COOKIE).map(Cookie::getValue);
        if (cookie.isEmpty() || formToken.isEmpty() || cookie.get().isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(cookie.get().getBytes(StandardCharsets.UTF_8),
                formToken.get().getBytes(StandardCharsets.UTF_8));
    }
}
