package dev.tessera.resource.jwks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JWKS, cached. A token naming an unknown kid triggers a refetch (the auth server may have
 * rotated), but at most one per {@code jwksMinRefetchInterval}: a flood of forged kids costs the
 * auth server one request per interval, not one per token. Keys whose algorithm is not pinned in
 * configuration are ignored. {@link #cachedSource()} is what the verifier core reads: never the network.
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
    private volatile JWKSet keys = new JWKSet();
    private volatile long lastFetchMillis = Long.MIN_VALUE / 2;

    public JwksCache(ResourceServerProperties properties, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.allowed = properties.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
        for (JWSAlgorithm algorithm : allowed) {
            if (!Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA).contains(algorithm)) {
                throw new IllegalStateException("tessera.resource-server.algorithms: unsupported " + algorithm
                        + " (RS256, ES256 or EdDSA)");
            }
        }
        this.clock = clock;
        this.fetches = meters.counter("tessera.jwks.fetches");
        refetchIfAllowed();
    }

    public Set<JWSAlgorithm> allowedAlgorithms() {
        return allowed;
    }

    /** Whether a key with this kid is cached (no network call). */
    public boolean knows(String kid) {
        return keys.getKeyByKeyId(kid) != null;
    }

    /** Whether the kid is known, refetching the JWKS first if it is not and the rate limit allows (blocking). */
    public boolean fetchIfUnknown(String kid) {
        return knows(kid) || (refetchIfAllowed() && knows(kid));
    }

    /** The cached keys as a JWK source for the verifier core; it never fetches. */
    public JWKSource<SecurityContext> cachedSource() {
        return (selector, context) -> selector.select(keys);
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
                        response.statusCode(), keys.getKeys().size());
                return;
            }
            keys = parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.warn("JWKS fetch from {} failed ({}); keeping {} cached keys", properties.effectiveJwksUri(),
                    e.getMessage(), keys.getKeys().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JWKSet parse(String json) throws ParseException {
        List<JWK> parsed = new ArrayList<>();
        for (JWK jwk : JWKSet.parse(json).getKeys()) {
            if (jwk.getKeyID() == null || jwk.getAlgorithm() == null || jwk.isPrivate()
                    || (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse()))) {
                continue;
            }
            JWSAlgorithm algorithm = JWSAlgorithm.parse(jwk.getAlgorithm().getName());
            if (!allowed.contains(algorithm)) {
                continue;
            }
            parsed.add(jwk);
        }
        return new JWKSet(parsed);
    }
}
