package dev.tessera.resource.validation;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.contract.Claims;
import dev.tessera.contract.jwt.AccessTokenPolicy;
import dev.tessera.contract.crypto.SignatureProvider;
import dev.tessera.contract.jwt.AccessTokens;
import dev.tessera.contract.jwt.InvalidJwtException;
import dev.tessera.contract.jwt.JwtVerifier;
import dev.tessera.contract.jwt.VerifiedAccessToken;
import dev.tessera.resource.ResourceServerProperties;
import dev.tessera.resource.jwks.JwksCache;
import dev.tessera.resource.revocation.RevocationView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Validates a bearer token locally with the shared verifier core ({@link AccessTokens}: RFC 9068
 * {@code typ}, pinned algorithm, signature, {@code iss}, {@code aud}, lifetime, required claims),
 * with the verified-token cache and the rejection metrics in front. The hot path makes no network
 * call: the key comes from the JWKS cache and revocation from the local view. Only a token naming
 * an unknown kid moves to a worker thread, where the cache may refetch the JWKS (rate-limited).
 *
 * <p>Roles of the resulting {@link Authentication}: the token's {@code roles}, plus {@code scope:<s>}
 * for each scope, so {@code @Secured("scope:orders:read")} works.
 */
@Singleton
public class TesseraTokenValidator implements TokenValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(TesseraTokenValidator.class);

    private final ResourceServerProperties properties;
    private final JwksCache jwks;
    private final AccessTokens tokens;
    private final RevocationView revocations;
    private final MeterRegistry meters;
    private final Scheduler blocking;
    private final Clock clock;
    private final VerifiedTokenCache verified;

    public TesseraTokenValidator(ResourceServerProperties properties, JwksCache jwks, RevocationView revocations,
                                 MeterRegistry meters, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                                 Clock clock, SignatureProvider provider) {
        this.properties = properties;
        this.jwks = jwks;
        this.tokens = new AccessTokens(jwks.cachedSource(), new AccessTokenPolicy(properties.issuer(),
                properties.audience(), jwks.allowedAlgorithms(), properties.clockSkew(), clock), provider);
        this.revocations = revocations;
        this.meters = meters;
        this.blocking = Schedulers.fromExecutor(blocking);
        this.clock = clock;
        this.verified = new VerifiedTokenCache(properties.verifiedTokenCacheSize(), clock);
        meters.gauge("tessera.tokens.verified.cache.size", verified, VerifiedTokenCache::size);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        VerifiedTokenCache.Entry seen = verified.get(token);
        if (seen != null) {
            return recheck(token, seen);
        }
        SignedJWT jwt;
        try {
            jwt = parse(token);
        } catch (InvalidJwtException e) {
            return reject(e);
        }
        String kid = jwt.getHeader().getKeyID();
        if (jwks.knows(kid)) {
            return validate(jwt);
        }
        return Mono.fromCallable(() -> jwks.fetchIfUnknown(kid))
                .subscribeOn(blocking)
                .flatMap(known -> known ? validate(jwt)
                        : reject(new InvalidJwtException("unknown_kid", "no published key " + kid)));
    }

    private Mono<Authentication> validate(SignedJWT jwt) {
        try {
            return Mono.just(authenticate(jwt));
        } catch (InvalidJwtException e) {
            return reject(e);
        }
    }

    /** A token verified before: only what can change since is checked again: expiry, revocation, its key. */
    private Mono<Authentication> recheck(String token, VerifiedTokenCache.Entry seen) {
        if (seen.usableUntilMillis() <= clock.millis()) {
            verified.remove(token);
            return reject(new InvalidJwtException("expired", "exp passed"));
        }
        if (revocations.isRevoked(seen.token())) {
            return reject(new InvalidJwtException("revoked", "jti " + seen.token().jti()));
        }
        if (!jwks.knows(seen.kid())) {
            // The issuer withdrew the key (a compromised key is removed from the JWKS): what it signed is void.
            verified.remove(token);
            return reject(new InvalidJwtException("unknown_kid", "key " + seen.kid() + " is no longer published"));
        }
        return Mono.just(seen.authentication());
    }

    /** Cheap refusals before any key lookup, so a bad header never reaches the JWKS cache. */
    private SignedJWT parse(String token) throws InvalidJwtException {
        SignedJWT jwt = JwtVerifier.parse(token);
        JWSHeader header = jwt.getHeader();
        // The algorithm is pinned by configuration, never chosen by the token (RFC 8725 §3.1).
        if (!jwks.allowedAlgorithms().contains(header.getAlgorithm())) {
            throw new InvalidJwtException("algorithm", "alg " + header.getAlgorithm() + " not accepted");
        }
        // RFC 9068 §4: the resource server MUST verify that typ is at+jwt.
        if (!Claims.ACCESS_TOKEN_TYPE.equals(header.getType())) {
            throw new InvalidJwtException("typ", "typ is " + header.getType());
        }
        if (header.getKeyID() == null) {
            throw new InvalidJwtException("malformed", "no kid");
        }
        return jwt;
    }

    private Authentication authenticate(SignedJWT jwt) throws InvalidJwtException {
        VerifiedAccessToken token = tokens.verify(jwt);
        if (revocations.isRevoked(token.revocable())) {
            throw new InvalidJwtException("revoked", "jti " + token.jti());
        }
        Authentication authentication = Authentication.build(token.subject(), roles(token), token.claims());
        long usableUntil = token.expiresAt().plus(properties.clockSkew()).toEpochMilli();
        verified.put(jwt.getParsedString(), new VerifiedTokenCache.Entry(authentication, token.revocable(), usableUntil,
                jwt.getHeader().getKeyID()));
        return authentication;
    }

    private static List<String> roles(VerifiedAccessToken token) {
        List<String> roles = new ArrayList<>(token.roles());
        roles.addAll(token.scopes().stream().map(scope -> "scope:" + scope).collect(Collectors.toList()));
        return roles;
    }

    private <T> Mono<T> reject(InvalidJwtException e) {
        meters.counter("tessera.tokens.rejected", "reason", e.reason()).increment();
        LOG.debug("bearer token rejected ({}): {}", e.reason(), e.getMessage());
        return Mono.empty();
    }
}
