package dev.tessera.resource.validation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.resource.ResourceServerProperties;
import dev.tessera.resource.jwks.JwksCache;
import dev.tessera.resource.jwks.TrustedKey;
import dev.tessera.resource.revocation.RevocationView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Validates a bearer token locally. The hot path makes no network call: the key comes from the
 * JWKS cache and revocation from the local view. Only a token naming an unknown kid moves to a
 * worker thread, where the cache may refetch the JWKS (rate-limited).
 *
 * <p>Roles of the resulting {@link Authentication}: the token's {@code roles}, plus {@code scope:<s>}
 * for each scope, so {@code @Secured("scope:orders:read")} works.
 */
@Singleton
public class TesseraTokenValidator implements TokenValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(TesseraTokenValidator.class);
    /** RFC 9068 §2.1. */
    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
    /** Well above any token Tessera issues; a 50 KB header is refused before parsing. */
    static final int MAX_TOKEN_LENGTH = 8192;

    private final ResourceServerProperties properties;
    private final JwksCache jwks;
    private final RevocationView revocations;
    private final MeterRegistry meters;
    private final Scheduler blocking;
    private final VerifiedTokenCache verified;

    public TesseraTokenValidator(ResourceServerProperties properties, JwksCache jwks, RevocationView revocations,
                                 MeterRegistry meters, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.properties = properties;
        this.jwks = jwks;
        this.revocations = revocations;
        this.meters = meters;
        this.blocking = Schedulers.fromExecutor(blocking);
        this.verified = new VerifiedTokenCache(properties.verifiedTokenCacheSize());
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
        } catch (RejectedToken e) {
            return reject(e);
        }
        Optional<TrustedKey> cached = jwks.cached(jwt.getHeader().getKeyID());
        if (cached.isPresent()) {
            return validate(jwt, cached.get());
        }
        return Mono.fromCallable(() -> jwks.fetchIfUnknown(jwt.getHeader().getKeyID()))
                .subscribeOn(blocking)
                .flatMap(key -> key.<Mono<Authentication>>map(k -> validate(jwt, k))
                        .orElseGet(() -> reject(new RejectedToken("unknown_kid", "no published key " + jwt.getHeader().getKeyID()))));
    }

    private Mono<Authentication> validate(SignedJWT jwt, TrustedKey key) {
        try {
            return Mono.just(authenticate(jwt, key));
        } catch (RejectedToken e) {
            return reject(e);
        }
    }

    /** A token verified before: only what can change since is checked again, expiry and revocation. */
    private Mono<Authentication> recheck(String token, VerifiedTokenCache.Entry seen) {
        if (seen.usableUntilMillis() <= System.currentTimeMillis()) {
            verified.remove(token);
            return reject(new RejectedToken("expired", "exp passed"));
        }
        if (revocations.isRevoked(seen.jti(), seen.sid(), seen.subject(), seen.issuedAt())) {
            return reject(new RejectedToken("revoked", "jti " + seen.jti()));
        }
        return Mono.just(seen.authentication());
    }

    private SignedJWT parse(String token) throws RejectedToken {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new RejectedToken("too_long", "token of " + token.length() + " characters");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new RejectedToken("malformed", e.getMessage());
        }
        JWSHeader header = jwt.getHeader();
        // The algorithm is pinned by configuration, never chosen by the token (RFC 8725 §3.1).
        if (!jwks.allowedAlgorithms().contains(header.getAlgorithm())) {
            throw new RejectedToken("algorithm", "alg " + header.getAlgorithm() + " not accepted");
        }
        // RFC 9068 §4: the resource server MUST verify that typ is at+jwt.
        if (!AT_JWT.equals(header.getType())) {
            throw new RejectedToken("typ", "typ is " + header.getType());
        }
        if (header.getKeyID() == null) {
            throw new RejectedToken("malformed", "no kid");
        }
        return jwt;
    }

    private Authentication authenticate(SignedJWT jwt, TrustedKey key) throws RejectedToken {
        if (!key.algorithm().equals(jwt.getHeader().getAlgorithm())) {
            throw new RejectedToken("algorithm", "alg does not match key " + key.kid());
        }
        try {
            if (!jwt.verify(key.verifier())) {
                throw new RejectedToken("signature", "bad signature");
            }
        } catch (JOSEException e) {
            throw new RejectedToken("signature", e.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new RejectedToken("malformed", "claims");
        }
        checkClaims(claims);
        String sid = stringClaim(claims, "sid");
        if (revocations.isRevoked(claims.getJWTID(), sid, claims.getSubject(), claims.getIssueTime().toInstant())) {
            throw new RejectedToken("revoked", "jti " + claims.getJWTID());
        }
        Authentication authentication = Authentication.build(claims.getSubject(), roles(claims), claims.toJSONObject());
        long usableUntil = claims.getExpirationTime().toInstant().plus(properties.clockSkew()).toEpochMilli();
        verified.put(jwt.getParsedString(), new VerifiedTokenCache.Entry(authentication, claims.getJWTID(), sid,
                claims.getSubject(), claims.getIssueTime().toInstant(), usableUntil));
        return authentication;
    }

    /** RFC 9068 §4: iss must match exactly, aud must contain ours, exp/nbf within skew, §2.2 claims present. */
    private void checkClaims(JWTClaimsSet claims) throws RejectedToken {
        if (!properties.issuer().equals(claims.getIssuer())) {
            throw new RejectedToken("issuer", "iss " + claims.getIssuer());
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(properties.audience())) {
            throw new RejectedToken("audience", "aud " + claims.getAudience());
        }
        Instant now = Instant.now();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null || claims.getSubject() == null || claims.getJWTID() == null
                || stringClaim(claims, "client_id") == null) {
            throw new RejectedToken("claims", "a required claim is missing");
        }
        if (!exp.toInstant().plus(properties.clockSkew()).isAfter(now)) {
            throw new RejectedToken("expired", "exp " + exp.toInstant());
        }
        Date nbf = claims.getNotBeforeTime() != null ? claims.getNotBeforeTime() : iat;
        if (nbf.toInstant().minus(properties.clockSkew()).isAfter(now)) {
            throw new RejectedToken("not_yet_valid", "nbf " + nbf.toInstant());
        }
    }

    private static List<String> roles(JWTClaimsSet claims) throws RejectedToken {
        List<String> roles = new ArrayList<>();
        try {
            List<String> tokenRoles = claims.getStringListClaim("roles");
            if (tokenRoles != null) {
                roles.addAll(tokenRoles);
            }
        } catch (ParseException e) {
            throw new RejectedToken("claims", "roles is not a list of strings");
        }
        String scope = stringClaim(claims, "scope");
        if (scope != null) {
            for (String s : scope.split(" ")) {
                if (!s.isEmpty()) {
                    roles.add("scope:" + s);
                }
            }
        }
        return roles;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) throws RejectedToken {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new RejectedToken("claims", name + " is not a string");
        }
    }

    private <T> Mono<T> reject(RejectedToken e) {
        meters.counter("tessera.tokens.rejected", "reason", e.reason).increment();
        LOG.debug("bearer token rejected ({}): {}", e.reason, e.getMessage());
        return Mono.empty();
    }

    /** Why a token was refused: a metric tag and a log message, never shown to the caller. */
    private static final class RejectedToken extends Exception {
        private final String reason;

        RejectedToken(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
