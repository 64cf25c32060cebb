package dev.tessera.auth.revocation;

import dev.tessera.contract.revocation.RevocableToken;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationRule;
import dev.tessera.contract.revocation.RevocationTarget;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A heap denylist for unit tests; it passes the same contract as {@link RedisDenylist}. */
public class InMemoryDenylist implements Denylist {

    private final Clock clock;
    private final Map<RevocationTarget, RevocationEvent> entries = new ConcurrentHashMap<>();
    private final List<RevocationEvent> published = new ArrayList<>();

    public InMemoryDenylist(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void apply(RevocationEvent event) {
        entries.merge(event.target(), event, (old, fresh) -> fresh.revokedAt().isAfter(old.revokedAt()) ? fresh : old);
        published.add(event);
    }

    @Override
    public void awaitReplicated() {
        // a heap has no replicas to wait for
    }

    @Override
    public boolean isRevoked(RevocableToken token) {
        return RevocationRule.isRevoked(token, target -> {
            RevocationEvent event = entries.get(target);
            return event != null && event.relevantUntil().isAfter(clock.instant()) ? event.revokedAt().toEpochMilli() : null;
        });
    }

    @Override
    public boolean isComplete() {
        return true; // a heap loses nothing while the process lives
    }

    @Override
    public void markComplete() {
        // nothing to record: always complete
    }

    public synchronized List<RevocationEvent> published() {
        return List.copyOf(published);
    }
}
