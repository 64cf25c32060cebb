package dev.tessera.auth.user;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Login attempts in this replica's memory, for while Redis is unreachable: the same policy, counted
 * per node instead of across replicas (so an attacker spread over N replicas gets N times the free
 * failures for as long as Redis is away). Bounded: past {@code localMaxEntries} the least recently
 * used counters are dropped; checks in flight are bounded by the policy itself.
 */
@Singleton
class LocalLoginAttempts implements LoginAttempts {

    /** A counter and when it (or a lock) runs out, in epoch millis. */
    private record Entry(long count, long untilMillis) {
    }

    private final LoginThrottleProperties policy;
    private final Clock clock;
    private final Map<String, Entry> entries;
    private final Map<String, Map<String, Long>> checking = new HashMap<>();

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
    public synchronized Verdict reserve(String account, String address, String attempt) {
        long now = clock.millis();
        Entry lock = live("lock:" + account, now);
        if (lock != null) {
            return new Verdict(Outcome.ACCOUNT_LOCKED, Duration.ofMillis(lock.untilMillis() - now));
        }
        Entry perAddress = live("ip:" + address, now);
        long addressFailures = perAddress == null ? 0 : perAddress.count();
        if (addressFailures >= policy.maxFailuresPerIp()) {
            return new Verdict(Outcome.ADDRESS_LIMITED, Duration.ofMillis(Math.max(1000, perAddress.untilMillis() - now)));
        }
        Entry failures = live("user:" + account, now);
        long allowed = Math.max(1, policy.freeFailures() + 1 - (failures == null ? 0 : failures.count()));
        if (checks("user:" + account, now).size() >= allowed
                || checks("ip:" + address, now).size() >= policy.maxFailuresPerIp() - addressFailures) {
            return Verdict.BUSY;
        }
        checks("user:" + account, now).put(attempt, now);
        checks("ip:" + address, now).put(attempt, now);
        return Verdict.ALLOWED;
    }

    @Override
    public synchronized void failed(String account, String address, String attempt) {
        long now = clock.millis();
        done(account, address, attempt);
        long failures = increment("user:" + account, now);
        increment("ip:" + address, now);
        long beyond = failures - policy.freeFailures();
        if (beyond > 0) {
            entries.put("lock:" + account, new Entry(1, now + LoginThrottle.lockFor(policy, beyond).toMillis()));
        }
    }

    @Override
    public synchronized void succeeded(String account, String address, String attempt) {
        done(account, address, attempt);
        entries.remove("user:" + account);
        entries.remove("lock:" + account);
    }

    private void done(String account, String address, String attempt) {
        for (String key : new String[] {"user:" + account, "ip:" + address}) {
            Map<String, Long> running = checking.get(key);
            if (running != null) {
                running.remove(attempt);
                if (running.isEmpty()) {
                    checking.remove(key);
                }
            }
        }
    }

    /** The checks running under {@code key}, without ones started so long ago that their replica thread must be gone. */
    private Map<String, Long> checks(String key, long now) {
        Map<String, Long> running = checking.computeIfAbsent(key, k -> new HashMap<>());
        running.values().removeIf(started -> started < now - Duration.ofSeconds(30).toMillis());
        return running;
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
