package dev.tessera.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
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
 * Rejections of bearer-protected endpoints as RFC 6750 §3 challenges with a JSON body. No token at
 * all is a bare challenge; a token that was sent but not accepted, including one sent in the query
 * string (never accepted, RFC 6750 §2.3 / RFC 9700 §4.3.2), is {@code invalid_token}; a valid token
 * without the scope or role the endpoint requires is 403 {@code insufficient_scope} (§3.1).
 */
@Singleton
@Produces
@Requires(classes = AuthorizationException.class)
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class BearerChallengeHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    static final String REALM = "Bearer realm=\"tessera\"";

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN)
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"insufficient_scope\"")
                    .body(new ErrorBody("insufficient_scope", "the token lacks the scope or role this endpoint requires"));
        }
        boolean tokenSent = request.getHeaders().getAuthorization().isPresent()
                || request.getParameters().contains("access_token");
        if (!tokenSent) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM)
                    .body(new ErrorBody("unauthorized", "a bearer access token is required"));
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\", "
                        + "error_description=\"the access token is invalid, expired or revoked\"")
                .body(new ErrorBody("invalid_token", "the access token is invalid, expired or revoked"));
    }
}
