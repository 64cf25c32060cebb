package dev.tessera.auth.error;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort, for whatever no other handler claims: the client gets RFC 6749 §5.2 JSON with a
 * reference, never exception text; the log gets the same reference and the stack trace. A dependency
 * that is down or restarting answers {@code 503 temporarily_unavailable} with Retry-After; a value the
 * database refuses answers {@code 400 invalid_request}; anything else {@code 500 server_error}. A browser
 * (a request that accepts {@code text/html}: the login page, authorize, the console) gets the same status,
 * headers and reference as a small page instead.
 */
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
@Singleton
@Requires(classes = {Exception.class, ExceptionHandler.class})
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    static final String REFERENCE_HEADER = "X-Correlation-Id";
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    private final ErrorPages pages;

    public UnexpectedErrorHandler(ErrorPages pages) {
        this.pages = pages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
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
        String text = description + " (reference " + reference + ")";
        Optional<String> page = wantsPage(request) ? pages.render(request, pageTitle(error), text) : Optional.empty();
        MutableHttpResponse<?> response = (page.isPresent()
                ? HttpResponse.status(error.status()).body(page.get()).contentType(MediaType.TEXT_HTML_TYPE)
                : HttpResponse.status(error.status()).body(new OAuthErrorBody(error.code(), text)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(REFERENCE_HEADER, reference);
        if (error == OAuthError.TEMPORARILY_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        }
        return response;
    }

    /** A browser asks for a page; API clients and OAuth clients send no {@code text/html} in Accept. */
    private static boolean wantsPage(HttpRequest<?> request) {
        return request.getHeaders().accept().stream().anyMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE));
    }

    private static String pageTitle(OAuthError error) {
        return switch (error) {
            case TEMPORARILY_UNAVAILABLE -> "Try again in a moment";
            case INVALID_REQUEST -> "This request was not understood";
            default -> "Something went wrong";
        };
    }
}
