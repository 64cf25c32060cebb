package dev.tessera.resource.web;

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
 * RFC 6750 §3 challenges as JSON. A token that was sent but not accepted, including one sent in the
 * query string (not accepted here, RFC 6750 §2.3 / RFC 9700 §4.3.2), is {@code invalid_token}; no
 * token at all is a bare challenge; a valid token without the scope is 403 {@code insufficient_scope}.
 */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class BearerChallengeHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tessera\", error=\"insufficient_scope\"")
                    .body(new ErrorBody("insufficient_scope", "the token lacks the scope or role this endpoint requires"));
        }
        boolean tokenSent = request.getHeaders().getAuthorization().isPresent()
                || request.getParameters().contains("access_token");
        if (!tokenSent) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tessera\"")
                    .body(new ErrorBody("unauthorized", "a bearer access token is required"));
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tessera\", error=\"invalid_token\", "
                        + "error_description=\"the access token is invalid, expired or revoked\"")
                .body(new ErrorBody("invalid_token", "the access token is invalid, expired or revoked"));
    }
}
