package dev.tessera.auth.revocation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves revocations from the PostgreSQL outbox to Redis: right after each revoking transaction
 * commits, and every second for anything a Redis outage left behind. While Redis is unreachable
 * the relay reports {@link #degraded()} and the rows wait. When Redis lost its data, the relay
 * publishes every live revocation again ({@link #republishIfRedisLostItsData}). With Redis replicas, a row
 * counts as published only once the replicas hold it ({@link DenylistProperties}).
 */
@Singleton
public class RevocationRelay {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationRelay.class);
    private static final int BATCH = 500;

    private final RevocationOutbox outbox;
    private final Denylist denylist;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final AtomicBoolean degraded = new AtomicBoolean(false);
    private volatile double lagSeconds;

    public RevocationRelay(RevocationOutbox outbox, Denylist denylist, Clock clock,
                           TransactionOperations<Connection> transactions, MeterRegistry meters) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.denylist = denylist;
        this.clock = clock;
        meters.gauge("tessera.revocation.relay.degraded", degraded, d -> d.get() ? 1 : 0);
        // How far Redis (and so every resource server) trails the durable revocations.
        meters.gauge("tessera.revocation.lag.seconds", this, relay -> relay.lagSeconds);
    }

    /** Relays what is pending; true when everything reached Redis. */
    public boolean relayNow() {
        try {
            while (relayBatch() == BATCH) {
                // keep going until the outbox is drained
            }
            if (degraded.compareAndSet(true, false)) {
                LOG.info("revocation relay recovered: Redis is reachable again");
            }
            return true;
        } catch (RuntimeException e) {
            if (degraded.compareAndSet(false, true)) {
                LOG.warn("revocation relay degraded, revocations wait in PostgreSQL: {}", e.getMessage());
            }
            return false;
        }
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void relayPeriodically() {
        republishIfRedisLostItsData();
        relayNow();
        try {
            lagSeconds = outbox.oldestPendingAgeSeconds(clock.instant());
        } catch (RuntimeException e) {
            LOG.debug("could not measure the revocation lag: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void pruneExpired() {
        try {
            outbox.prune(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("could not prune the revocation outbox: {}", e.getMessage());
        }
    }

    /**
     * Redis without the epoch key is new, or lost its data (restarted without persistence, flushed): every
     * revocation that still matters goes back on the queue and is published again; only then is the epoch
     * written. Until it is, {@link RevocationChecker} answers from PostgreSQL and resource servers that saw
     * the old epoch wait for the new one. Several replicas may do this at once: a mark written twice is the
     * same mark.
     */
    public void republishIfRedisLostItsData() {
        try {
            if (denylist.isComplete()) {
                return;
            }
            int requeued = transactions.executeWrite(status -> outbox.requeueLive(clock.instant()));
            LOG.warn("Redis holds no revocation epoch (new, or it lost its data): publishing {} live revocations "
                    + "again from PostgreSQL", requeued);
            if (relayNow()) {
                denylist.markComplete();
                LOG.info("Redis holds every live revocation again");
            }
        } catch (RuntimeException e) {
            if (degraded.compareAndSet(false, true)) {
                LOG.warn("revocation relay degraded, revocations wait in PostgreSQL: {}", e.getMessage());
            }
        }
    }

    /** One batch in one transaction: the row locks keep other replicas off these rows until commit. */
    private int relayBatch() {
        return transactions.executeWrite(status -> {
            List<RevocationOutbox.Pending> pending = outbox.lockPending(BATCH);
            for (RevocationOutbox.Pending row : pending) {
                denylist.apply(row.event());
            }
            if (!pending.isEmpty()) {
                // Published means it survives a failover: a row whose mark only the primary holds stays pending.
                denylist.awaitReplicated();
            }
            for (RevocationOutbox.Pending row : pending) {
                outbox.markPublished(row.id(), clock.instant());
            }
            return pending.size();
        });
    }

    public boolean degraded() {
        return degraded.get();
    }
}
