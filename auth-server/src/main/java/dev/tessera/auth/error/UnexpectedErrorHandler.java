package dev.tessera.auth.error;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort, for whatever no other handler claims: the client gets RFC 6749 §5.2 JSON with a
 * reference, never exception text; the log gets the same reference and the stack trace. A dependency
 * that is down or restarting answers {@code 503 temporarily_unavailable} with Retry-After; a value the
 * database refuses answers {@code 400 invalid_request}; anything else {@code 500 server_error}.
 */
@Produces
@Singleton
@Requires(classes = {Exception.class, ExceptionHandler.class})
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<OAuthErrorBody>> {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    static final String REFERENCE_HEADER = "X-Correlation-Id";
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<OAuthErrorBody> handle(HttpRequest request, Exception exception) {
        String reference = UUID.randomUUID().toString();
        OAuthError error;
        String description;
        if (DependencyFailures.isUnavailable(exception)) {
            error = OAuthError.TEMPORARILY_UNAVAILABLE;
            description = "the service is briefly unavailable; retry shortly";
            LOG.warn("{} {} -> 503 [{}]: a dependency is unavailable: {}", request.getMethod(), request.getPath(),
                    reference, exception.toString());
        } else if (DependencyFailures.isRefusedValue(exception)) {
            error = OAuthError.INVALID_REQUEST;
            description = "a parameter has a value that cannot be accepted";
            LOG.info("{} {} -> 400 [{}]: {}", request.getMethod(), request.getPath(), reference, exception.toString());
        } else {
            error = OAuthError.SERVER_ERROR;
            description = "unexpected error";
            LOG.error("{} {} -> 500 [{}]", request.getMethod(), request.getPath(), reference, exception);
        }
        MutableHttpResponse<OAuthErrorBody> response = HttpResponse.<OAuthErrorBody>status(error.status())
                .body(new OAuthErrorBody(error.code(), description + " (reference " + reference + ")"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(REFERENCE_HEADER, reference);
        if (error == OAuthError.TEMPORARILY_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        }
        return response;
    }
}
