package dev.tessera.auth.error;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders {@link OAuthException} as RFC 6749 §5.2 JSON; the reason is logged, never sent. */
@Produces
@Singleton
@Requires(classes = {OAuthException.class, ExceptionHandler.class})
public class OAuthExceptionHandler implements ExceptionHandler<OAuthException, HttpResponse<OAuthErrorBody>> {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthExceptionHandler.class);

    @Override
    public HttpResponse<OAuthErrorBody> handle(HttpRequest request, OAuthException exception) {
        LOG.info("{} {} -> {}: {}", request.getMethod(), request.getPath(), exception.error().code(), exception.getMessage());
        return render(exception);
    }

    public static MutableHttpResponse<OAuthErrorBody> render(OAuthException exception) {
        MutableHttpResponse<OAuthErrorBody> response = HttpResponse
                .<OAuthErrorBody>status(exception.error().status())
                .body(new OAuthErrorBody(exception.error().code(), exception.description()))
                // RFC 6749 §5.1/§5.2: responses of the token endpoint must not be cached.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache");
        if (exception.error() == OAuthError.INVALID_CLIENT) {
            // RFC 6749 §5.2: a 401 for invalid_client MUST carry WWW-Authenticate.
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"tessera\", charset=\"UTF-8\"");
        }
        if (exception.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, exception.retryAfter().toSeconds())));
        }
        return response;
    }
}
