package dev.tessera.webclient.web;

import dev.tessera.webclient.WebClientProperties;
import dev.tessera.webclient.session.SessionStore;
import dev.tessera.webclient.session.WebSession;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The session cookie ({@code <client>_session} unless configured: HttpOnly, SameSite=Lax, Secure when the
 * browser speaks HTTPS, to us or to the proxy in front) and the session behind it.
 */
@Singleton
public class SessionCookies {

    private final WebClientProperties properties;
    private final SessionStore sessions;
    private final PublicAddress address;

    public SessionCookies(WebClientProperties properties, SessionStore sessions, PublicAddress address) {
        this.properties = properties;
        this.sessions = sessions;
        this.address = address;
    }

    public Optional<String> id(HttpRequest<?> request) {
        return request.getCookies().findCookie(properties.cookieName()).map(Cookie::getValue);
    }

    public Optional<WebSession> current(HttpRequest<?> request) {
        return id(request).flatMap(sessions::find);
    }

    public Cookie issue(String id, HttpRequest<?> request) {
        return Cookie.of(properties.cookieName(), id).httpOnly(true).sameSite(SameSite.Lax).path("/")
                .secure(address.secure(request));
    }

    public Cookie clear(HttpRequest<?> request) {
        return Cookie.of(properties.cookieName(), "").httpOnly(true).sameSite(SameSite.Lax).path("/").maxAge(0)
                .secure(address.secure(request));
    }
}
