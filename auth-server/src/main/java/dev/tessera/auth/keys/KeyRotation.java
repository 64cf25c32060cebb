package dev.tessera.auth.keys;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Rotating the signing key on an administrator's request, and what the administration shows of the
 * keys. The admin API and the console both rotate through here, so every rotation is audited once.
 */
@Singleton
public class KeyRotation {

    private final KeyManager keys;
    private final SigningKeyStore store;
    private final AuditLog audit;
    private final Clock clock;

    public KeyRotation(KeyManager keys, SigningKeyStore store, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new key of the configured algorithm signs from now on; the previous one stays published. */
    public SigningKey rotate(String actor) {
        SigningKey key = keys.rotate();
        audit.record(new AuditEvent(AuditEvent.KEY_ROTATED, actor, null, null, null, null,
                "kid=" + key.kid() + " alg=" + key.algorithm()));
        return key;
    }

    /** The published keys, newest first, without their private parts. */
    public List<PublishedKey> published() {
        Instant now = clock.instant();
        String active = keys.active().key().kid();
        return store.published(now).stream()
                .map(k -> new PublishedKey(k.kid(), k.algorithm().name(), k.createdAt(), k.retiredAt(), k.publishUntil(),
                        k.kid().equals(active)))
                .toList();
    }

    /** A key as the administration shows it: never the key material. */
    public record PublishedKey(String kid, String algorithm, Instant createdAt, Instant retiredAt, Instant publishUntil,
                               boolean active) {
    }
}
