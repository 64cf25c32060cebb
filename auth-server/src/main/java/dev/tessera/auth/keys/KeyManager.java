package dev.tessera.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.token.TokenProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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

    synchronized void reload() {
        Instant now = clock.instant();
        lastReloadMillis = clock.millis();
        List<SigningKey> keys = store.published(now);
        ActiveKey active = null;
        try {
            for (SigningKey key : keys) {
                if (active == null && key.retiredAt() == null && key.algorithm() == properties.algorithm()) {
                    active = new ActiveKey(key, key.algorithm().signer(key.jwk()));
                }
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("a stored signing key cannot be used", e);
        }
        JWKSet publicKeys = new JWKSet(keys.stream().map(k -> k.jwk().toPublicJWK()).toList());
        ring = new KeyRing(active, publicKeys, publicKeys.toString(true));
    }

    /** The signing key and a signer for it. */
    public record ActiveKey(SigningKey key, JWSSigner signer) {
    }

    private record KeyRing(ActiveKey active, JWKSet publicKeys, String jwksJson) {
        static final KeyRing EMPTY = new KeyRing(null, new JWKSet(), "{\"keys\":[]}");
    }
}
