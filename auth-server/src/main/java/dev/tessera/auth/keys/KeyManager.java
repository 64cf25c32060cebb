package dev.tessera.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.token.TokenProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live key ring: one active signing key, every published key for verification, and the JWKS
 * document. Rotation inserts a new key and retires the old one, which stays published for the
 * access token lifetime plus {@code retiredPublishExtra}, so tokens it signed keep verifying
 * (no downtime). Replicas re-read the table periodically and whenever a token names an unknown kid.
 */
@Context // created at start-up: the first token request must not pay for key generation
public class KeyManager {

    private static final Logger LOG = LoggerFactory.getLogger(KeyManager.class);
    private static final long MIN_RELOAD_GAP_MILLIS = 1000;

    private final SigningKeyStore store;
    private final KeyProperties properties;
    private final TokenProperties tokens;
    private final Clock clock;
    private volatile KeyRing ring = KeyRing.EMPTY;
    private volatile long lastReloadMillis;

    public KeyManager(SigningKeyStore store, KeyProperties properties, TokenProperties tokens, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        reload();
        if (ring.active() == null || ring.active().key().algorithm() != properties.algorithm()) {
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

    /** Makes a new key of the configured algorithm the active one; the previous stays published. */
    public synchronized SigningKey rotate() {
        Instant now = clock.instant();
        String kid = Hashes.randomToken(12);
        JWK jwk;
        try {
            jwk = properties.algorithm().generate(kid);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a " + properties.algorithm() + " key", e);
        }
        SigningKey key = new SigningKey(kid, properties.algorithm(), jwk, now, null, null);
        store.insert(key);
        store.retireAllExcept(kid, now, now.plus(tokens.accessTokenTtl()).plus(properties.retiredPublishExtra()));
        reload();
        LOG.info("rotated signing key: {} is now active", key);
        return key;
    }

    /** The key that signs new tokens. */
    public ActiveKey active() {
        ActiveKey active = ring.active();
        if (active == null) {
            throw new IllegalStateException("no active signing key");
        }
        return active;
    }

    /** The published key with this kid; an unknown kid triggers at most one reload per second. */
    public Optional<PublishedKey> published(String kid) {
        PublishedKey key = ring.byKid().get(kid);
        if (key == null && clock.millis() - lastReloadMillis > MIN_RELOAD_GAP_MILLIS) {
            reload();
            key = ring.byKid().get(kid);
        }
        return Optional.ofNullable(key);
    }

    /** The public JWKS (RFC 7517 §5), private parts stripped. */
    public String jwksJson() {
        return ring.jwksJson();
    }

    synchronized void reload() {
        Instant now = clock.instant();
        lastReloadMillis = clock.millis();
        List<SigningKey> keys = store.published(now);
        Map<String, PublishedKey> byKid = new LinkedHashMap<>();
        ActiveKey active = null;
        try {
            for (SigningKey key : keys) {
                byKid.put(key.kid(), new PublishedKey(key, key.algorithm().verifier(key.jwk().toPublicJWK())));
                if (active == null && key.retiredAt() == null && key.algorithm() == properties.algorithm()) {
                    active = new ActiveKey(key, key.algorithm().signer(key.jwk()));
                }
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("a stored signing key cannot be used", e);
        }
        String jwks = new JWKSet(keys.stream().map(k -> k.jwk().toPublicJWK()).toList()).toString(true);
        ring = new KeyRing(active, Map.copyOf(byKid), jwks);
    }

    /** The signing key and a signer for it. */
    public record ActiveKey(SigningKey key, JWSSigner signer) {
    }

    /** A published key and a verifier for it. */
    public record PublishedKey(SigningKey key, JWSVerifier verifier) {
    }

    private record KeyRing(ActiveKey active, Map<String, PublishedKey> byKid, String jwksJson) {
        static final KeyRing EMPTY = new KeyRing(null, Map.of(), "{\"keys\":[]}");
    }
}
