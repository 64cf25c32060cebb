package dev.tessera.resource.validation;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * The bearer token of a request (RFC 6750 §2.1: the {@code Authorization} header only, scheme
 * {@code Bearer} in any case), handed straight to {@link TesseraTokenValidator}. It takes the place of
 * micronaut-security's generic {@link TokenAuthenticationFetcher}, which resolves the token through its
 * list of readers and then runs a reactive chain over its list of validators: a resource server has one
 * reader and one validator, and that chain was the largest difference between an authenticated and an
 * anonymous request in the profile (docs/benchmarks/profile.md). Rules, challenges and the
 * {@code Authentication} a controller receives are micronaut-security's, unchanged.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
public class BearerAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private static final String SCHEME = "Bearer ";

    private final TesseraTokenValidator validator;

    public BearerAuthenticationFetcher(TesseraTokenValidator validator) {
        this.validator = validator;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Publishers.empty();
        }
        String token = authorization.substring(SCHEME.length()).trim();
        return token.isEmpty() ? Publishers.empty() : validator.validateToken(token, request);
    }

    @Override
    public int getOrder() {
        return TokenAuthenticationFetcher.ORDER;
    }
}
