package dev.tessera.auth.keys;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Rotating the signing keys on an administrator's request, and what the administration shows of the
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

    /**
     * New keys of the algorithms in use sign from now on (access tokens, and ID tokens when their
     * algorithm differs); the previous ones stay published until their tokens expire.
     */
    public Rotated rotate(String actor) {
        SigningKey key = keys.rotate();
        String idTokenKid = keys.activeForIdTokens().key().kid();
        audit.record(new AuditEvent(AuditEvent.KEY_ROTATED, actor, null, null, null, null,
                "kid=" + key.kid() + " alg=" + key.algorithm() + " id_token_kid=" + idTokenKid));
        return new Rotated(key, idTokenKid);
    }

    /** The published keys, newest first, without their private parts. */
    public List<PublishedKey> published() {
        Instant now = clock.instant();
        String accessTokens = keys.active().key().kid();
        String idTokens = keys.activeForIdTokens().key().kid();
        return store.published(now).stream()
                .map(k -> new PublishedKey(k.kid(), k.algorithm().name(), k.createdAt(), k.retiredAt(), k.publishUntil(),
                        k.kid().equals(accessTokens), k.kid().equals(idTokens)))
                .toList();
    }

    /** The new access-token key, and the key that now signs ID tokens (the same one when both are RS256). */
    public record Rotated(SigningKey accessTokenKey, String idTokenKid) {
    }

    /**
     * A key as the administration shows it: never the key material.
     *
     * @param signsAccessTokens whether it is the active access-token key
     * @param signsIdTokens     whether it is the active ID-token (and logout-token) key
     */
    public record PublishedKey(String kid, String algorithm, Instant createdAt, Instant retiredAt, Instant publishUntil,
                               boolean signsAccessTokens, boolean signsIdTokens) {

        public boolean active() {
            return signsAccessTokens || signsIdTokens;
        }
    }
}
