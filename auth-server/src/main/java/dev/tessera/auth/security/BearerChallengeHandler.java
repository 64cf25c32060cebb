package dev.tessera.auth.security;

import dev.tessera.auth.error.ApiErrorBody;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Rejections of bearer-protected endpoints as JSON: 401 with {@code WWW-Authenticate: Bearer}
 * (RFC 6750 §3; {@code error="invalid_token"} when a token was sent but not accepted), 403 when the
 * token is fine but lacks the role.
 */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class BearerChallengeHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body(new ApiErrorBody("forbidden", "this token lacks the role this endpoint requires"));
        }
        boolean tokenSent = request.getHeaders().getAuthorization().isPresent();
        String challenge = tokenSent
                ? "Bearer realm=\"tessera\", error=\"invalid_token\", error_description=\"the access token is invalid, expired or revoked\""
                : "Bearer realm=\"tessera\"";
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .body(new ApiErrorBody(tokenSent ? "invalid_token" : "unauthorized",
                        tokenSent ? "the access token is invalid, expired or revoked" : "a bearer access token is required"));
    }
}
