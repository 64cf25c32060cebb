package dev.tessera.auth.keys;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A heap key store for plain-Java tests; it passes the same contract as {@link JdbcSigningKeyStore}. */
public class InMemorySigningKeyStore implements SigningKeyStore {

    private final Map<String, SigningKey> keys = new ConcurrentHashMap<>();

    @Override
    public List<SigningKey> published(Instant now) {
        return keys.values().stream().filter(k -> k.publishUntil() == null || k.publishUntil().isAfter(now))
                .sorted(Comparator.comparing(SigningKey::createdAt).reversed().thenComparing(SigningKey::kid)).toList();
    }

    @Override
    public void insert(SigningKey key) {
        keys.put(key.kid(), key);
    }

    @Override
    public synchronized void retireActiveExcept(Collection<String> keepKids, Instant now, Instant publishUntil) {
        keys.replaceAll((kid, k) -> k.retiredAt() == null && !keepKids.contains(kid)
                ? new SigningKey(k.kid(), k.algorithm(), k.jwk(), k.createdAt(), now, publishUntil) : k);
    }

    @Override
    public synchronized int purgeExpired(Instant now) {
        int before = keys.size();
        keys.values().removeIf(k -> k.publishUntil() != null && !k.publishUntil().isAfter(now));
        return before - keys.size();
    }
}
