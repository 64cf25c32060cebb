package dev.tessera.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /metrics} only with the configured scrape token (RFC 6750 bearer), in every app that serves it
 * ({@link PrometheusController}): the meters tell an outsider how many users are online, how often logins
 * fail, whether Redis is down or a resource server's revocation view is stale. Without a configured token
 * nobody reads them.
 */
@ServerFilter("/metrics")
@Requires(classes = PrometheusMeterRegistry.class)
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
