package dev.tessera.auth.protocol;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.net.InetSocketAddress;

/**
 * Where a request came from: the client's address and whether it spoke HTTPS (as {@link ClientOriginFilter}
 * resolved them, trusting forwarded headers only from the configured proxies), and the User-Agent.
 */
public final class RequestOrigin {

    static final String CLIENT_ADDRESS = "tessera.client-address";
    static final String SECURE = "tessera.secure";

    private RequestOrigin() {
    }

    /** The client's address: the peer's, or the one a trusted proxy forwarded. */
    public static String ip(HttpRequest<?> request) {
        return request.getAttribute(CLIENT_ADDRESS, String.class).orElseGet(() -> {
            InetSocketAddress remote = request.getRemoteAddress();
            return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        });
    }

    /** Whether the browser reached us over HTTPS (directly or through a trusted proxy), or HTTPS is required. */
    public static boolean secure(HttpRequest<?> request) {
        return request.getAttribute(SECURE, Boolean.class).orElseGet(request::isSecure);
    }

    public static String userAgent(HttpRequest<?> request) {
        return request.getHeaders().get(HttpHeaders.USER_AGENT);
    }
}
