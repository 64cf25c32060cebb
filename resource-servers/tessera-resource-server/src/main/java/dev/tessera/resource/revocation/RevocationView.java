package dev.tessera.resource.revocation;

import dev.tessera.contract.revocation.RevocableToken;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationRule;
import dev.tessera.contract.revocation.RevocationTarget;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is revoked, in memory: the latest mark per target (a jti, a device {@code sid}, a user
 * {@code sub}, a client on a device), judged by the shared {@link RevocationRule}. Lookups are map
 * reads; entries drop out once every token they could refuse has expired. Freshness is tracked for
 * the staleness bound.
 */
@Singleton
public class RevocationView {

    /** One mark: when it was made and until when it matters. */
    record Mark(long revokedAtMillis, long relevantUntilMillis) {
    }

    private final Clock clock;
    private volatile Map<RevocationTarget, Mark> marks = new ConcurrentHashMap<>();
    private volatile long freshAtMillis = Long.MIN_VALUE / 2;

    public RevocationView(Clock clock) {
        this.clock = clock;
    }

    /** Applies one revocation; one that no longer matters is ignored. */
    public void apply(RevocationEvent event) {
        apply(marks, event);
    }

    private void apply(Map<RevocationTarget, Mark> into, RevocationEvent event) {
        long relevantUntil = event.relevantUntil().toEpochMilli();
        if (relevantUntil <= clock.millis()) {
            return;
        }
        // Keep the latest mark: a later revoked-before covers everything an earlier one did.
        into.merge(event.target(), new Mark(event.revokedAt().toEpochMilli(), relevantUntil),
                (old, fresh) -> fresh.revokedAtMillis >= old.revokedAtMillis ? fresh : old);
    }

    public boolean isRevoked(RevocableToken token) {
        long now = clock.millis();
        return RevocationRule.isRevoked(token, target -> {
            Mark mark = marks.get(target);
            return mark != null && mark.relevantUntilMillis > now ? mark.revokedAtMillis : null;
        });
    }

    /**
     * A snapshot being loaded: it fills a map of its own while lookups keep answering from the current
     * one, and {@link Snapshot#install()} swaps it in at once. Never an empty view in between.
     */
    Snapshot snapshot() {
        return new Snapshot();
    }

    final class Snapshot {
        private final Map<RevocationTarget, Mark> loading = new ConcurrentHashMap<>();

        void apply(RevocationEvent event) {
            RevocationView.this.apply(loading, event);
        }

        void install() {
            marks = loading;
        }
    }

    /** Forgets entries whose tokens have all expired. */
    void prune() {
        long now = clock.millis();
        marks.values().removeIf(m -> m.relevantUntilMillis <= now);
    }

    /** The feed answered just now (a read returned, even an empty one). */
    void markFresh() {
        freshAtMillis = clock.millis();
    }

    /** Milliseconds since the feed last answered; effectively forever before the first snapshot. */
    public long silenceMillis() {
        return clock.millis() - freshAtMillis;
    }

    public int size() {
        return marks.size();
    }
}
