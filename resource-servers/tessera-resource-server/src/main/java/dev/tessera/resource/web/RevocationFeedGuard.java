package dev.tessera.resource.web;

import dev.tessera.web.ErrorBody;

import dev.tessera.resource.revocation.FeedState;
import dev.tessera.resource.revocation.RevocationFeed;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Fail closed: while the revocation view is stale (and fail-open is not configured), a request
 * carrying a token gets 503, because this replica cannot tell whether the token was revoked.
 * Requests without a token (health, public endpoints) pass.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class RevocationFeedGuard implements HttpServerFilter {

    private final RevocationFeed feed;

    public RevocationFeedGuard(RevocationFeed feed) {
        this.feed = feed;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (feed.state() == FeedState.STALE_FAILING_CLOSED && request.getHeaders().getAuthorization().isPresent()) {
            return Mono.just(HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .body(new ErrorBody("revocation_feed_stale", "this server cannot check revocations right now "
                            + "(its revocation feed is stale) and refuses tokens until it catches up; try again shortly")));
        }
        return chain.proceed(request);
    }
}
