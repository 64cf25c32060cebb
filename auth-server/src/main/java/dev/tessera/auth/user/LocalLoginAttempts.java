package dev.tessera.auth.user;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Login attempts in this replica's memory, for while Redis is unreachable: the same policy, counted
 * per node instead of across replicas (so an attacker spread over N replicas gets N times the free
 * failures for as long as Redis is away). Bounded: past {@code localMaxEntries} the least recently
 * used counters are dropped.
 */
@Singleton
class LocalLoginAttempts implements LoginAttempts {

    /** A counter and when it (or a lock) runs out, in epoch millis. */
    private record Entry(long count, long untilMillis) {
    }

    private final LoginThrottleProperties policy;
    private final Clock clock;
    private final Map<String, Entry> entries;

    LocalLoginAttempts(LoginThrottleProperties policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > policy.localMaxEntries();
            }
        };
    }

    @Override
    public synchronized Verdict reserve(String account, String address) {
        long now = clock.millis();
        Entry lock = live("lock:" + account, now);
        if (lock != null) {
            return Verdict.refused("account", Duration.ofMillis(lock.untilMillis() - now));
        }
        Entry perAddress = live("ip:" + address, now);
        if (perAddress != null && perAddress.count() >= policy.maxFailuresPerIp()) {
            return Verdict.refused("address", Duration.ofMillis(Math.max(1000, perAddress.untilMillis() - now)));
        }
        long failures = increment("user:" + account, now);
        increment("ip:" + address, now);
        long beyond = failures - policy.freeFailures();
        if (beyond > 0) {
            entries.put("lock:" + account, new Entry(1, now + LoginThrottle.lockFor(policy, beyond).toMillis()));
        }
        return Verdict.ALLOWED;
    }

    @Override
    public synchronized void succeeded(String account, String address) {
        entries.remove("user:" + account);
        entries.remove("lock:" + account);
        Entry perAddress = live("ip:" + address, clock.millis());
        if (perAddress != null && perAddress.count() > 0) {
            entries.put("ip:" + address, new Entry(perAddress.count() - 1, perAddress.untilMillis()));
        }
    }

    private Entry live(String key, long now) {
        Entry entry = entries.get(key);
        if (entry != null && entry.untilMillis() <= now) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    private long increment(String key, long now) {
        Entry entry = live(key, now);
        Entry next = entry == null ? new Entry(1, now + policy.window().toMillis())
                : new Entry(entry.count() + 1, entry.untilMillis());
        entries.put(key, next);
        return next.count();
    }
}
