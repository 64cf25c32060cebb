package dev.tessera.auth.page;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;

/**
 * Headers of every HTML page, after micronaut-views rendered it (this filter runs outside the views
 * filter): never cached (pages carry CSRF tokens and personal data), never framed (clickjacking; the
 * Content-Security-Policy's {@code frame-ancestors 'none'} says the same to newer browsers), no MIME
 * sniffing, no referrer to other sites. The Content-Security-Policy itself, with its per-response
 * nonce, comes from micronaut-views' CSP filter (application.yml).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PageHeaders implements Ordered {

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getContentType().filter(t -> t.matches(MediaType.TEXT_HTML_TYPE)).isEmpty()) {
            return;
        }
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getHeaders().set("X-Frame-Options", "DENY");
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("Referrer-Policy", "same-origin");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
