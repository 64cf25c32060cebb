package dev.tessera.auth.security;

import dev.tessera.auth.revocation.RevocationChecker;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.auth.token.issue.AccessTokenVerifier;
import dev.tessera.contract.jwt.InvalidJwtException;
import dev.tessera.contract.jwt.VerifiedAccessToken;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Turns a valid, unrevoked Tessera access token for the auth server's own API audience into an
 * {@link Authentication} (RFC 9068 §4: a resource server MUST check {@code aud}, and the auth server's
 * APIs are one). The revocation lookup runs off the event loop; if neither Redis nor PostgreSQL can
 * answer, the token is refused.
 */
@Singleton
public class AccessTokenValidator implements TokenValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenValidator.class);

    private final AccessTokenVerifier verifier;
    private final RevocationChecker revocations;
    private final String audience;
    private final Scheduler blocking;

    public AccessTokenValidator(AccessTokenVerifier verifier, RevocationChecker revocations, TokenProperties tokens,
                                @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.verifier = verifier;
        this.revocations = revocations;
        this.audience = tokens.audience();
        this.blocking = Schedulers.fromExecutor(blocking);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return Mono.fromCallable(() -> authenticate(token)).subscribeOn(blocking);
    }

    private Authentication authenticate(String token) {
        try {
            VerifiedAccessToken verified = verifier.verify(token);
            if (verified.audience() == null || !verified.audience().contains(audience)) {
                LOG.debug("bearer token {} is not for audience {}", verified.jti(), audience);
                return null;
            }
            if (revocations.isRevoked(verified)) {
                LOG.debug("bearer token {} is revoked", verified.jti());
                return null;
            }
            return Authentication.build(verified.subject(),
                    AdminAuthority.authorities(verified.roles(), Set.copyOf(verified.scopes())), Map.copyOf(verified.claims()));
        } catch (InvalidJwtException e) {
            LOG.debug("bearer token rejected: {}", e.getMessage());
            return null;
        } catch (RuntimeException e) {
            LOG.warn("bearer token could not be checked for revocation: {}", e.getMessage());
            return null;
        }
    }
}
