package dev.tessera.webclient.web;

import dev.tessera.webclient.WebClientProperties;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/** One log line per request naming the replica that served it, as the sticky-session seed asks. */
@Filter(Filter.MATCH_ALL_PATTERN)
public class RequestLog implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private final WebClientProperties properties;

    public RequestLog(WebClientProperties properties) {
        this.properties = properties;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Flux.from(chain.proceed(request)).doOnNext(response -> LOG.info("[{}] {} {} -> {}", properties.serverId(),
                request.getMethod(), request.getPath(), response.code()));
    }
}
