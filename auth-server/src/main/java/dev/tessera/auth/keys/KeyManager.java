package dev.tessera.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.contract.crypto.SignatureProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live key ring: one active signing key per algorithm in use, every published key for
 * verification, and the JWKS document. Access tokens are signed with {@code tessera.keys.algorithm};
 * ID tokens and logout tokens always with RS256 (OIDC Core §15.1: RS256 MUST be supported for ID
 * tokens, and clients expect it by default, §3.1.3.7), from the same key when both are RS256.
 * Rotation inserts a new key per algorithm and retires the old ones, which stay published for the
 * access token lifetime plus {@code retiredPublishExtra}, so tokens they signed keep verifying (no
 * downtime). Replicas re-read the table periodically and whenever a token names an unknown kid.
 * Signers compute through the {@link SignatureProvider} (native where it loads); verification is
 * token-contract's {@link dev.tessera.contract.jwt.JwtVerifier} over {@link #jwkSource()}.
 */
@Context // created at start-up: the first token request must not pay for key generation
public class KeyManager {

    private static final Logger LOG = LoggerFactory.getLogger(KeyManager.class);
    private static final long MIN_RELOAD_GAP_MILLIS = 1000;

    private final SigningKeyStore store;
    private final KeyProperties properties;
    private final TokenProperties tokens;
    private final Clock clock;
    private final SignatureProvider provider;
    private volatile KeyRing ring = KeyRing.EMPTY;
    private volatile long lastReloadMillis;

    public KeyManager(SigningKeyStore store, KeyProperties properties, TokenProperties tokens, Clock clock,
                      SignatureProvider provider) {
        this.store = store;
        this.properties = properties;
        this.tokens = tokens;
        this.clock = clock;
        this.provider = provider;
    }

    @PostConstruct
    void start() {
        reload();
        if (!ring.active().keySet().containsAll(algorithmsInUse())) {
            rotate();
        }
    }

    @Scheduled(fixedDelay = "${tessera.keys.reload-interval:30s}", initialDelay = "${tessera.keys.reload-interval:30s}")
    void scheduledReload() {
        try {
            store.purgeExpired(clock.instant());
            reload();
        } catch (RuntimeException e) {
            LOG.warn("could not reload signing keys, keeping the current ring: {}", e.getMessage());
        }
    }

    /**
     * Makes new keys of the algorithms in use the active ones; the previous keys stay published.
     * Returns the new access-token key.
     */
    public synchronized SigningKey rotate() {
        Instant now = clock.instant();
        List<SigningKey> fresh = new ArrayList<>();
        for (SigningAlgorithm algorithm : algorithmsInUse()) {
            fresh.add(generate(algorithm, now));
        }
        fresh.forEach(store::insert);
        store.retireActiveExcept(fresh.stream().map(SigningKey::kid).toList(), now,
                now.plus(tokens.accessTokenTtl()).plus(properties.retiredPublishExtra()));
        reload();
        LOG.info("rotated signing keys: {} now active", fresh);
        return fresh.get(0);
    }

    /** The key that signs new access tokens. */
    public ActiveKey active() {
        return active(properties.algorithm());
    }

    /** The key that signs ID tokens and logout tokens (RS256). */
    public ActiveKey activeForIdTokens() {
        return active(properties.idTokenAlgorithm());
    }

    private ActiveKey active(SigningAlgorithm algorithm) {
        ActiveKey active = ring.active().get(algorithm);
        if (active == null) {
            throw new IllegalStateException("no active " + algorithm + " signing key");
        }
        return active;
    }

    /**
     * The published public keys as a Nimbus JWK source, for {@link dev.tessera.contract.jwt.JwtVerifier}.
     * A kid it does not know triggers a reload of the table, at most once a second (another replica may
     * have rotated).
     */
    public JWKSource<SecurityContext> jwkSource() {
        return (selector, context) -> {
            List<JWK> found = selector.select(ring.publicKeys());
            Set<String> kids = selector.getMatcher().getKeyIDs();
            if (found.isEmpty() && kids != null && !kids.isEmpty()
                    && clock.millis() - lastReloadMillis > MIN_RELOAD_GAP_MILLIS) {
                reload();
                found = selector.select(ring.publicKeys());
            }
            return found;
        };
    }

    /** The public JWKS (RFC 7517 §5), private parts stripped. */
    public String jwksJson() {
        return ring.jwksJson();
    }

    /** The access-token algorithm first: {@link #rotate()} returns its key. */
    private Set<SigningAlgorithm> algorithmsInUse() {
        Set<SigningAlgorithm> inUse = new LinkedHashSet<>();
        inUse.add(properties.algorithm());
        inUse.add(properties.idTokenAlgorithm());
        return inUse;
    }

    private SigningKey generate(SigningAlgorithm algorithm, Instant now) {
        String kid = Hashes.randomToken(12);
        try {
            return new SigningKey(kid, algorithm, algorithm.generate(kid), now, null, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a " + algorithm + " key", e);
        }
    }

    synchronized void reload() {
        Instant now = clock.instant();
        lastReloadMillis = clock.millis();
        List<SigningKey> keys = store.published(now);
        Map<SigningAlgorithm, ActiveKey> active = new EnumMap<>(SigningAlgorithm.class);
        try {
            for (SigningKey key : keys) {
                // newest first: the first unretired key of an algorithm is its active one
                if (key.retiredAt() == null && !active.containsKey(key.algorithm())) {
                    active.put(key.algorithm(), new ActiveKey(key, key.algorithm().signer(key.jwk(), provider)));
                }
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("a stored signing key cannot be used", e);
        }
        JWKSet publicKeys = new JWKSet(keys.stream().map(k -> k.jwk().toPublicJWK()).toList());
        ring = new KeyRing(Map.copyOf(active), publicKeys, publicKeys.toString(true));
    }

    /** The signing key and a signer for it. */
    public record ActiveKey(SigningKey key, JWSSigner signer) {
    }

    private record KeyRing(Map<SigningAlgorithm, ActiveKey> active, JWKSet publicKeys, String jwksJson) {
        static final KeyRing EMPTY = new KeyRing(Map.of(), new JWKSet(), "{\"keys\":[]}");
    }
}
