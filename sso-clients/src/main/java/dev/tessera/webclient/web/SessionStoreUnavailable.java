package dev.tessera.webclient.web;

import io.lettuce.core.RedisException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis down or too slow: 503 with {@code Retry-After} and a JSON reason, never a 500 with a stack
 * trace. nginx may try another replica on a 503 (they share the same Redis, so it answers the same).
 */
@Produces
@Singleton
public class SessionStoreUnavailable implements ExceptionHandler<RedisException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(SessionStoreUnavailable.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, RedisException exception) {
        LOG.warn("session store unavailable for {} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new HomeController.Problem("Session store unavailable", "the session store does not answer; try again shortly"));
    }
}
