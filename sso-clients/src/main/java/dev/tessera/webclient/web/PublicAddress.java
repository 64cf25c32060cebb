package dev.tessera.webclient.web;

import dev.tessera.webclient.WebClientProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.HttpHostResolver;
import java.net.InetSocketAddress;

/**
 * Where the browser reached this replica, for the redirect URI, the post-logout URI and the
 * cookies' {@code Secure} flag. Behind a trusted proxy that is what the proxy says (Micronaut's
 * {@code micronaut.server.host-resolution}: {@code X-Forwarded-Host/-Proto/-Port}, checked against
 * its {@code allowed-hosts}); from anybody else the headers are ignored and the configured public
 * URL holds, so a forged header cannot make this client hand out a foreign redirect URI.
 */
@Context
public class PublicAddress {

    /** What Micronaut's resolver answers when the resolved host is outside {@code allowed-hosts}. */
    private static final String DENIED = "http://localhost";

    private final WebClientProperties properties;
    private final HttpHostResolver hosts;
    private final String forwardedHostHeader;
    private final TrustedProxies trusted;

    public PublicAddress(WebClientProperties properties, HttpHostResolver hosts, HttpServerConfiguration server) {
        this.properties = properties;
        this.hosts = hosts;
        this.forwardedHostHeader = server.getHostResolution() == null ? null : server.getHostResolution().getHostHeader();
        this.trusted = TrustedProxies.of(properties.trustedProxies());
    }

    /** {@code scheme://host[:port]} as the browser sees this client, without a trailing slash. */
    public String baseUrl(HttpRequest<?> request) {
        if (forwardedHostHeader != null && !trusted.isEmpty() && request.getHeaders().contains(forwardedHostHeader)
                && trusted.trusts(peer(request))) {
            String resolved = hosts.resolve(request);
            if (!DENIED.equals(resolved)) {
                return resolved;
            }
        }
        return properties.publicUrl();
    }

    public String redirectUri(HttpRequest<?> request) {
        return baseUrl(request) + "/callback";
    }

    /** Cookies get {@code Secure} when the browser speaks HTTPS to us or to the proxy in front. */
    public boolean secure(HttpRequest<?> request) {
        return request.isSecure() || baseUrl(request).startsWith("https:");
    }

    private static java.net.InetAddress peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }
}
