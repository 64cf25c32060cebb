package dev.tessera.auth.revocation;

import dev.tessera.contract.revocation.RevocableToken;
import dev.tessera.contract.revocation.RevocationEvent;
import java.time.Instant;
import java.util.List;

/**
 * Every revocation ever made, durable first: queued in the revoking transaction, relayed to Redis by
 * {@link RevocationRelay}, and able to answer {@link Denylist#isRevoked} by itself while Redis is down.
 */
public interface RevocationOutbox {

    /** Adds an event; joins the caller's transaction, so it commits with the change it describes. */
    void enqueue(RevocationEvent event);

    /** Unpublished events, oldest first, locked so that two replicas never relay the same rows. */
    List<Pending> lockPending(int limit);

    void markPublished(long id, Instant now);

    /** The same question as {@link Denylist#isRevoked}, with the same rule, from the outbox's live marks. */
    boolean isRevoked(RevocableToken token);

    /** Marks every published row that still matters as pending again (Redis lost them); returns how many. */
    int requeueLive(Instant now);

    /** Deletes published rows whose tokens have all expired; returns how many. */
    int prune(Instant now);

    /** Seconds since the oldest unpublished revocation was made; 0 when nothing waits. */
    double oldestPendingAgeSeconds(Instant now);

    long countPending();

    /** An outbox row. */
    record Pending(long id, RevocationEvent event) {
    }
}
