package dev.tessera.auth.protocol;

import dev.tessera.web.TrustedProxies;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Works out, once per request and before anything else, where it came from ({@link RequestOrigin#ip})
 * and whether the browser spoke HTTPS ({@link RequestOrigin#secure}). {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} count only from a trusted proxy: from anyone else they are ignored, so a
 * guesser cannot pick a fresh address for every attempt, nor one failing client behind the proxy lock
 * out everybody the proxy serves.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ClientOriginFilter implements Ordered {

    private final TrustedProxies proxies;
    private final boolean requireHttps;

    public ClientOriginFilter(EdgeProperties properties) {
        this.proxies = TrustedProxies.of(properties.trustedProxies());
        this.requireHttps = properties.requireHttps();
    }

    @RequestFilter
    public void resolve(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        String forwardedFor = String.join(",", request.getHeaders().getAll("X-Forwarded-For"));
        request.setAttribute(RequestOrigin.CLIENT_ADDRESS,
                proxies.clientAddress(peer, forwardedFor.isEmpty() ? null : forwardedFor));
        boolean forwardedHttps = proxies.trusts(peer)
                && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
        request.setAttribute(RequestOrigin.SECURE, requireHttps || request.isSecure() || forwardedHttps);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // before the security filter and every controller
    }
}
