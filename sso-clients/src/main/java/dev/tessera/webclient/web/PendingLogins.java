package dev.tessera.webclient.web;

import dev.tessera.contract.crypto.Aead;
import dev.tessera.webclient.WebClientProperties;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Logins waiting for the auth server to send the browser back: the nonce, the PKCE verifier and the
 * redirect URI, sealed (AES-256-GCM under a key derived from the client secret, bound to the state)
 * into a cookie named after the login's {@code state}. The client keeps nothing per unauthenticated
 * visitor, so a flood of {@code /login} requests costs it no memory and no Redis, and the callback
 * succeeds only in the browser that started the login: a callback URL sent to someone else finds no
 * cookie there (login CSRF, RFC 6749 §10.12). Every replica of the client opens it, so a replica that
 * dies between login and callback loses nothing.
 */
@Singleton
public class PendingLogins {

    static final Duration TTL = Duration.ofMinutes(10);
    /** Tabs that start logins at once each keep theirs; beyond this many the oldest are dropped, keeping the Cookie header small. */
    static final int MAX_PENDING = 4;
    /** What a state this client minted looks like ({@link RoutedIds}); anything else has no cookie to look up. */
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_.-]{16,96}");

    private final WebClientProperties properties;
    private final PublicAddress address;
    private final Clock clock;
    private final SecretKeySpec key;
    private final String prefix;

    public PendingLogins(WebClientProperties properties, PublicAddress address) {
        this(properties, address, Clock.systemUTC());
    }

    PendingLogins(WebClientProperties properties, PublicAddress address, Clock clock) {
        this.properties = properties;
        this.address = address;
        this.clock = clock;
        this.key = Aead.key(Aead.hmac(properties.clientSecret().getBytes(StandardCharsets.UTF_8),
                "tessera:web-client:pending-login:" + properties.clientId()));
        this.prefix = properties.cookieName() + "_login_";
    }

    /** What the callback needs to finish a login. */
    public record Pending(String nonce, String codeVerifier, String redirectUri) {
    }

    /**
     * The cookies to set when a login starts: the new one, and expiry for the oldest pending ones
     * beyond {@link #MAX_PENDING} (and for any that do not open).
     */
    public List<Cookie> start(HttpRequest<?> request, String state, Pending pending) {
        long expires = clock.millis() + TTL.toMillis();
        String value = seal(state, expires + " " + pending.nonce() + " " + pending.codeVerifier() + " " + pending.redirectUri());
        List<Cookie> out = new ArrayList<>();
        out.add(cookie(state, value, request).maxAge(TTL));
        List<Held> held = new ArrayList<>();
        for (Cookie existing : request.getCookies().getAll()) {
            if (existing.getName().startsWith(prefix)) {
                String heldState = existing.getName().substring(prefix.length());
                held.add(new Held(heldState, open(heldState, existing.getValue()).map(Opened::expires).orElse(0L)));
            }
        }
        held.sort(Comparator.comparingLong(Held::expires).reversed());
        for (int i = 0; i < held.size(); i++) {
            if (i >= MAX_PENDING - 1 || held.get(i).expires() <= clock.millis()) {
                out.add(expired(held.get(i).state(), request));
            }
        }
        return out;
    }

    /** The login this browser started with {@code state}; empty when it has none, or it was altered or expired. */
    public Optional<Pending> find(HttpRequest<?> request, String state) {
        if (state == null || !STATE.matcher(state).matches()) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(prefix + state)
                .flatMap(cookie -> open(state, cookie.getValue()))
                .filter(opened -> opened.expires() > clock.millis())
                .map(Opened::pending);
    }

    /** The cookie that ends the login of {@code state} in the browser (a pending login is used once). */
    public Optional<Cookie> finish(HttpRequest<?> request, String state) {
        return state != null && STATE.matcher(state).matches() && request.getCookies().contains(prefix + state)
                ? Optional.of(expired(state, request)) : Optional.empty();
    }

    private Cookie expired(String state, HttpRequest<?> request) {
        return cookie(state, "", request).maxAge(0);
    }

    /** Sent only to the callback; Lax, because the auth server's redirect to it is a cross-site top-level GET. */
    private Cookie cookie(String state, String value, HttpRequest<?> request) {
        return Cookie.of(prefix + state, value).httpOnly(true).sameSite(SameSite.Lax).path("/callback")
                .secure(address.secure(request));
    }

    private String seal(String state, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                Aead.seal(key, context(state), value.getBytes(StandardCharsets.UTF_8)));
    }

    private Optional<Opened> open(String state, String sealed) {
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Aead.open(key, context(state), data).map(plain -> new String(plain, StandardCharsets.UTF_8))
                .map(text -> text.split(" "))
                .filter(parts -> parts.length == 4)
                .map(parts -> new Opened(Long.parseLong(parts[0]), new Pending(parts[1], parts[2], parts[3])));
    }

    /** The seal is bound to the state: a cookie cannot be renamed to finish another login. */
    private static byte[] context(String state) {
        return ("tessera:pending-login\n" + state).getBytes(StandardCharsets.UTF_8);
    }

    private record Opened(long expires, Pending pending) {
    }

    private record Held(String state, long expires) {
    }
}
