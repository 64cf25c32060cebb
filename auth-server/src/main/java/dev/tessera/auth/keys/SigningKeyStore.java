package dev.tessera.auth.keys;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Where signing keys live. */
public interface SigningKeyStore {

    /** Keys still published at {@code now}: the active ones and retired ones not yet past publishUntil. */
    List<SigningKey> published(Instant now);

    void insert(SigningKey key);

    /** Retires every active key not in {@code keepKids}, publishing each until {@code publishUntil}. */
    void retireActiveExcept(Collection<String> keepKids, Instant now, Instant publishUntil);

    /** Deletes keys past their publication: their private parts are no longer needed anywhere. */
    int purgeExpired(Instant now);
}
