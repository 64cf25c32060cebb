package dev.tessera.resource.jwks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import dev.tessera.crypto.SignatureProvider;
import dev.tessera.resource.ResourceServerProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JWKS, cached. A token naming an unknown kid triggers a refetch (the auth server may have
 * rotated), but at most one per {@code jwksMinRefetchInterval}: a flood of forged kids costs the
 * auth server one request per interval, not one per token. Keys whose algorithm is not pinned in
 * configuration are ignored.
 */
@Context
public class JwksCache {

    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);
    private static final int MAX_JWKS_BYTES = 256 * 1024;

    private final ResourceServerProperties properties;
    private final Set<JWSAlgorithm> allowed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Clock clock;
    private final Counter fetches;
    private final SignatureProvider provider;
    private volatile Map<String, TrustedKey> keys = Map.of();
    private volatile long lastFetchMillis = Long.MIN_VALUE / 2;

    public JwksCache(ResourceServerProperties properties, MeterRegistry meters, SignatureProvider provider) {
        this.properties = properties;
        this.provider = provider;
        this.allowed = properties.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
        for (JWSAlgorithm algorithm : allowed) {
            if (!Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA).contains(algorithm)) {
                throw new IllegalStateException("tessera.resource-server.algorithms: unsupported " + algorithm
                        + " (RS256, ES256 or EdDSA)");
            }
        }
        this.clock = Clock.systemUTC();
        this.fetches = meters.counter("tessera.jwks.fetches");
        refetchIfAllowed();
    }

    public Set<JWSAlgorithm> allowedAlgorithms() {
        return allowed;
    }

    /** The cached key, without any network call. */
    public Optional<TrustedKey> cached(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    /** The key, refetching the JWKS first if the kid is unknown and the rate limit allows. */
    public Optional<TrustedKey> fetchIfUnknown(String kid) {
        TrustedKey key = keys.get(kid);
        if (key == null && refetchIfAllowed()) {
            key = keys.get(kid);
        }
        return Optional.ofNullable(key);
    }

    @Scheduled(fixedDelay = "${tessera.resource-server.jwks-refresh-interval:5m}",
            initialDelay = "${tessera.resource-server.jwks-refresh-interval:5m}")
    void refreshPeriodically() {
        fetch();
    }

    /** Fetches unless one was made within the minimum interval; true when a fetch ran. */
    synchronized boolean refetchIfAllowed() {
        if (clock.millis() - lastFetchMillis < properties.jwksMinRefetchInterval().toMillis()) {
            return false;
        }
        fetch();
        return true;
    }

    private synchronized void fetch() {
        lastFetchMillis = clock.millis();
        fetches.increment();
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(properties.effectiveJwksUri()))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length > MAX_JWKS_BYTES) {
                LOG.warn("JWKS fetch from {} answered {}; keeping {} cached keys", properties.effectiveJwksUri(),
                        response.statusCode(), keys.size());
                return;
            }
            keys = parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.warn("JWKS fetch from {} failed ({}); keeping {} cached keys", properties.effectiveJwksUri(),
                    e.getMessage(), keys.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, TrustedKey> parse(String json) throws ParseException {
        Map<String, TrustedKey> parsed = new HashMap<>();
        for (JWK jwk : JWKSet.parse(json).getKeys()) {
            if (jwk.getKeyID() == null || jwk.getAlgorithm() == null || jwk.isPrivate()
                    || (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse()))) {
                continue;
            }
            JWSAlgorithm algorithm = JWSAlgorithm.parse(jwk.getAlgorithm().getName());
            if (!allowed.contains(algorithm)) {
                continue;
            }
            try {
                parsed.put(jwk.getKeyID(), new TrustedKey(jwk.getKeyID(), algorithm, verifier(jwk, algorithm)));
            } catch (JOSEException | IllegalArgumentException e) {
                LOG.warn("JWKS key {} skipped: {}", jwk.getKeyID(), e.getMessage());
            }
        }
        return Map.copyOf(parsed);
    }

    private JWSVerifier verifier(JWK jwk, JWSAlgorithm algorithm) throws JOSEException {
        if (JWSAlgorithm.RS256.equals(algorithm) && KeyType.RSA.equals(jwk.getKeyType())) {
            return provider.apply(new RSASSAVerifier(jwk.toRSAKey()));
        }
        if (JWSAlgorithm.ES256.equals(algorithm) && KeyType.EC.equals(jwk.getKeyType())) {
            return provider.apply(new ECDSAVerifier(jwk.toECKey()));
        }
        if (JWSAlgorithm.EdDSA.equals(algorithm) && KeyType.OKP.equals(jwk.getKeyType())) {
            return new Ed25519Verifier(jwk.toOctetKeyPair());
        }
        throw new IllegalArgumentException("key type " + jwk.getKeyType() + " does not fit " + algorithm);
    }
}
