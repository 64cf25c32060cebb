package dev.tessera.auth.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /metrics} only with the configured scrape token (RFC 6750 bearer): the meters tell an outsider
 * how many users are online, how often logins fail and whether Redis is down. Without a configured
 * token nobody reads them.
 */
@ServerFilter("/metrics")
public class MetricsAccess {

    private final byte[] expected;

    public MetricsAccess(MetricsProperties properties) {
        this.expected = properties.scrapeToken() == null ? null
                : ("Bearer " + properties.scrapeToken()).getBytes(StandardCharsets.UTF_8);
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        String presented = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (expected != null && presented != null
                && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return HttpResponse.unauthorized().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
    }
}
