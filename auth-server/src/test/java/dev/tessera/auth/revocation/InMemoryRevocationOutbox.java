package dev.tessera.auth.revocation;

import dev.tessera.contract.revocation.RevocableToken;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationRule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A heap outbox for plain-Java tests; it passes the same contract as {@link JdbcRevocationOutbox}. */
public class InMemoryRevocationOutbox implements RevocationOutbox {

    private record Row(long id, RevocationEvent event, Instant publishedAt) {
    }

    private final Clock clock;
    private final List<Row> rows = new ArrayList<>();

    public InMemoryRevocationOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void enqueue(RevocationEvent event) {
        rows.add(new Row(rows.size() + 1, event, null));
    }

    @Override
    public synchronized List<Pending> lockPending(int limit) {
        return rows.stream().filter(r -> r.publishedAt() == null).limit(limit).map(r -> new Pending(r.id(), r.event())).toList();
    }

    @Override
    public synchronized void markPublished(long id, Instant now) {
        rows.replaceAll(r -> r.id() == id ? new Row(r.id(), r.event(), now) : r);
    }

    @Override
    public synchronized boolean isRevoked(RevocableToken token) {
        Instant now = clock.instant();
        return RevocationRule.isRevoked(token, target -> rows.stream().map(Row::event)
                .filter(e -> e.target().equals(target) && e.relevantUntil().isAfter(now))
                .map(e -> e.revokedAt().toEpochMilli()).max(Long::compare).orElse(null));
    }

    @Override
    public synchronized int requeueLive(Instant now) {
        int before = (int) countPending();
        rows.replaceAll(r -> r.publishedAt() != null && r.event().relevantUntil().isAfter(now) ? new Row(r.id(), r.event(), null) : r);
        return (int) countPending() - before;
    }

    @Override
    public synchronized int prune(Instant now) {
        int before = rows.size();
        rows.removeIf(r -> r.publishedAt() != null && r.event().relevantUntil().isBefore(now));
        return before - rows.size();
    }

    @Override
    public synchronized double oldestPendingAgeSeconds(Instant now) {
        return rows.stream().filter(r -> r.publishedAt() == null).map(r -> r.event().revokedAt()).min(Instant::compareTo)
                .map(oldest -> Math.max(0, (now.toEpochMilli() - oldest.toEpochMilli()) / 1000.0)).orElse(0.0);
    }

    @Override
    public synchronized long countPending() {
        return rows.stream().filter(r -> r.publishedAt() == null).count();
    }

    /** Every event ever queued, oldest first. */
    public synchronized List<RevocationEvent> events() {
        return new ArrayList<>(rows.stream().map(Row::event).toList());
    }
}
