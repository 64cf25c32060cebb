package dev.tessera.auth.client;

import dev.tessera.auth.error.OAuthException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed client authentications, counted per address and per client at that address in fixed windows,
 * on this replica (what it bounds is this replica's argon2id work). Past either limit, a secret from that
 * address is refused with {@code 429 invalid_client} and Retry-After before it is hashed. Counting a
 * client per address, not per client alone, keeps an attacker from locking a client out: the real client
 * calls from its own address, and one it has already authenticated is matched against the verified-secret
 * digest without ever reaching this check ({@link ClientAuthenticator}).
 */
@Singleton
public class ClientAuthThrottle {

    private final ClientAuthThrottleProperties policy;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ClientAuthThrottle(ClientAuthThrottleProperties policy, MeterRegistry meters, Clock clock) {
        this.policy = policy;
        this.meters = meters;
        this.clock = clock;
    }

    /** Throws {@code 429 invalid_client} when the address, or the client at this address, failed too often. */
    public void check(String clientId, String address) {
        long now = clock.millis();
        if (over(addressKey(address), policy.maxFailuresPerAddress(), now)
                || over(pairKey(clientId, address), policy.maxFailuresPerClientAtAddress(), now)) {
            meters.counter("tessera.client_auth.throttled").increment();
            throw OAuthException.clientThrottled("too many failed client authentications from this address; try again later",
                    Duration.ofMillis(Math.max(1_000, windowEnd(now) - now)));
        }
    }

    /** A secret was wrong (or the client unknown: {@code clientId} null). */
    public void failed(String clientId, String address) {
        long now = clock.millis();
        count(addressKey(address), now);
        if (clientId != null) {
            count(pairKey(clientId, address), now);
        }
    }

    private boolean over(String key, int limit, long now) {
        Window window = windows.get(key);
        return window != null && window.start() == windowStart(now) && window.failures().get() >= limit;
    }

    private void count(String key, long now) {
        if (windows.size() >= policy.maxTracked()) {
            long current = windowStart(now);
            windows.values().removeIf(w -> w.start() != current);
            if (windows.size() >= policy.maxTracked()) {
                windows.clear(); // a flood of addresses: start over rather than grow
            }
        }
        windows.compute(key, (k, w) -> w == null || w.start() != windowStart(now) ? new Window(windowStart(now), new AtomicInteger(1))
                : w.incremented());
    }

    private long windowStart(long now) {
        return now - now % policy.window().toMillis();
    }

    private long windowEnd(long now) {
        return windowStart(now) + policy.window().toMillis();
    }

    private static String addressKey(String address) {
        return "a\n" + address;
    }

    private static String pairKey(String clientId, String address) {
        return "c\n" + clientId + "\n" + address;
    }

    private record Window(long start, AtomicInteger failures) {
        Window incremented() {
            failures.incrementAndGet();
            return this;
        }
    }
}
