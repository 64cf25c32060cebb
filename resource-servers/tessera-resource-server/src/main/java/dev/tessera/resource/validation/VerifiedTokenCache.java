package dev.tessera.resource.validation;

import dev.tessera.contract.revocation.RevocableToken;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims were already checked, keyed by the exact token string (so no
 * two tokens can ever share an entry). A hit skips only the signature and claim parsing: expiry
 * and revocation are checked again on every request by the caller. Bounded: when full, expired
 * entries are dropped, and if that is not enough the cache starts over.
 */
final class VerifiedTokenCache {

    /**
     * A verified token: what the request needs, what expiry and revocation checks need, and the kid of
     * the key that verified it (a key the issuer withdraws no longer vouches for it).
     */
    record Entry(Authentication authentication, RevocableToken token, long usableUntilMillis, String kid) {
    }

    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedTokenCache(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    Entry get(String token) {
        return maxEntries == 0 ? null : entries.get(token);
    }

    void put(String token, Entry entry) {
        if (maxEntries == 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            long now = clock.millis();
            entries.values().removeIf(e -> e.usableUntilMillis <= now);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(token, entry);
    }

    void remove(String token) {
        entries.remove(token);
    }

    int size() {
        return entries.size();
    }
}
