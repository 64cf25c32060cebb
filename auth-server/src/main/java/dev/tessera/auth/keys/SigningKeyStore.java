package dev.tessera.auth.keys;

import java.time.Instant;
import java.util.List;

/** Where signing keys live. */
public interface SigningKeyStore {

    /** Keys still published at {@code now}: the active ones and retired ones not yet past publishUntil. */
    List<SigningKey> published(Instant now);

    /**
     * Stores {@code key} as the one active key and retires every other active key, publishing each until
     * {@code publishUntil}: atomically, and serialized with every other replica's rotation, so concurrent
     * rotations leave exactly one active key.
     */
    void activate(SigningKey key, Instant now, Instant publishUntil);

    /** Deletes keys past their publication: their private parts are no longer needed anywhere. */
    int purgeExpired(Instant now);
}
