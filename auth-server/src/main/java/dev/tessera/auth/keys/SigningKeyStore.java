package dev.tessera.auth.keys;

import java.time.Instant;
import java.util.List;

/** Where signing keys live. */
public interface SigningKeyStore {

    /** Keys still published at {@code now}: the active ones and retired ones not yet past publishUntil. */
    List<SigningKey> published(Instant now);

    /**
     * Stores {@code keys} (one per algorithm in use) as the active keys and retires every other active key,
     * publishing each until {@code publishUntil}: atomically, and serialized with every other replica's
     * rotation, so concurrent rotations leave exactly one active key per algorithm.
     */
    void activate(List<SigningKey> keys, Instant now, Instant publishUntil);

    /** Deletes keys past their publication: their private parts are no longer needed anywhere. */
    int purgeExpired(Instant now);
}
