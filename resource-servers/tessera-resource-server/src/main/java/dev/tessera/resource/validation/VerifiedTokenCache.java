package dev.tessera.resource.validation;

import dev.tessera.contract.revocation.RevocableToken;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims were already checked. A hit needs the exact token string (so no
 * two tokens can ever share an entry), but the map is keyed by the signature segment alone: hashing
 * the whole token, a new string of ~700 characters on every request, was 2 % of an authenticated
 * request's CPU (docs/benchmarks/profile.md); the full comparison that follows is vectorised. A hit
 * skips only the signature and claim parsing: expiry and revocation are checked again on every
 * request by the caller. Bounded: when full, expired entries are dropped, and if that is not enough
 * the cache starts over.
 */
final class VerifiedTokenCache {

    /**
     * A verified token: what the request needs, what expiry and revocation checks need, and the kid of
     * the key that verified it (a key the issuer withdraws no longer vouches for it).
     */
    record Entry(Authentication authentication, RevocableToken token, long usableUntilMillis, String kid) {
    }

    /** An entry and the exact token it was verified for. */
    private record Held(String token, Entry entry) {
    }

    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Held> entries = new ConcurrentHashMap<>();

    VerifiedTokenCache(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    Entry get(String token) {
        if (maxEntries == 0) {
            return null;
        }
        Held held = entries.get(key(token));
        // Same signature, other header or claims: not the token that was verified (and it will not verify).
        return held != null && held.token().equals(token) ? held.entry() : null;
    }

    void put(String token, Entry entry) {
        if (maxEntries == 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            long now = clock.millis();
            entries.values().removeIf(held -> held.entry().usableUntilMillis() <= now);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key(token), new Held(token, entry));
    }

    void remove(String token) {
        entries.computeIfPresent(key(token), (key, held) -> held.token().equals(token) ? null : held);
    }

    /** The signature segment of a compact JWS (RFC 7515 §7.1): what the token's issuer alone could have made. */
    private static String key(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    int size() {
        return entries.size();
    }
}
