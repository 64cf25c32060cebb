package dev.tessera.resource.revocation;

import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationTarget;
import dev.tessera.contract.revocation.RevocationWire;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link RevocationView} current: snapshot of the mark keys, then {@code XREAD BLOCK} on
 * the revocation stream from the last id seen (both as {@link RevocationWire} encodes them). The stream position is taken before the
 * snapshot, so nothing falls between them (an event in both is applied twice, harmlessly). After
 * any failure, and whenever the stream no longer holds the last event read (trimmed past a reader that
 * fell behind, or lost with Redis's data), the next read takes a fresh snapshot. A snapshot loads into
 * a map of its own and is swapped in whole: lookups never see a half-loaded view.
 */
@Context
public class RevocationFeed {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationFeed.class);
    private static final int BATCH = 500;

    private final RedisClient client;
    private final RevocationView view;
    private final RevocationFeedProperties properties;
    private final Clock clock;
    private final Thread tailer;
    private volatile boolean running = true;
    private boolean sawEpoch;
    private volatile StatefulRedisConnection<String, String> connection;

    public RevocationFeed(RedisClient client, RevocationView view, RevocationFeedProperties properties,
                          MeterRegistry meters, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.view = view;
        this.properties = properties;
        meters.gauge("tessera.revocation.view.size", view, RevocationView::size);
        meters.gauge("tessera.revocation.feed.silence.seconds", view, v -> v.silenceMillis() / 1000.0);
        meters.gauge("tessera.revocation.feed.stale", this, f -> f.state() == FeedState.LIVE ? 0 : 1);
        this.tailer = new Thread(this::run, "tessera-revocation-feed");
        this.tailer.setDaemon(true);
        this.tailer.start();
    }

    public FeedState state() {
        if (view.silenceMillis() <= properties.stalenessBound().toMillis()) {
            return FeedState.LIVE;
        }
        return properties.failOpen() ? FeedState.STALE_FAILING_OPEN : FeedState.STALE_FAILING_CLOSED;
    }

    private void run() {
        String lastId = null;
        long backoffMillis = 100;
        boolean failing = false;
        while (running) {
            try {
                RedisCommands<String, String> redis = connect();
                if (lastId == null) {
                    if (!epochReady(redis)) {
                        sleep(200); // Redis lost its data and the auth server is re-publishing: stay stale
                        continue;
                    }
                    lastId = latestId(redis);
                    snapshot(redis);
                    view.markFresh();
                }
                if (lostSince(redis, lastId)) {
                    LOG.warn("revocation stream no longer holds {} (trimmed past this reader, or Redis lost it): resnapshot", lastId);
                    lastId = null;
                    continue;
                }
                List<StreamMessage<String, String>> events = redis.xread(
                        XReadArgs.Builder.block(properties.block()).count(BATCH),
                        XReadArgs.StreamOffset.from(RevocationWire.STREAM, lastId));
                for (StreamMessage<String, String> event : events) {
                    apply(event.getBody());
                    lastId = event.getId();
                }
                view.markFresh();
                if (failing) {
                    LOG.info("revocation feed is back");
                    failing = false;
                }
                backoffMillis = 100;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warn("revocation feed interrupted ({}); will resnapshot when Redis answers", e.getMessage());
                    failing = true;
                }
                lastId = null;
                closeConnection();
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 1000);
            }
        }
    }

    private RedisCommands<String, String> connect() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null || !current.isOpen()) {
            current = client.connect();
            // A blocking read holds the connection for `block`; allow it comfortably.
            current.setTimeout(properties.block().plus(Duration.ofSeconds(2)));
            connection = current;
        }
        return current.sync();
    }

    private String latestId(RedisCommands<String, String> redis) {
        List<StreamMessage<String, String>> last = redis.xrevrange(RevocationWire.STREAM, Range.create("-", "+"), Limit.from(1));
        return last.isEmpty() ? "0-0" : last.get(0).getId();
    }

    /**
     * Whether events after {@code lastId} may be gone: the stream's oldest entry is newer than the last
     * one read (the bounded stream was trimmed past this reader), or the stream vanished (Redis lost it).
     */
    private boolean lostSince(RedisCommands<String, String> redis, String lastId) {
        if (redis.exists(RevocationWire.EPOCH) == 1) {
            sawEpoch = true; // a replica started before the auth server wrote it learns of it here
        } else if (sawEpoch) {
            return true;
        }
        if ("0-0".equals(lastId)) {
            return false;
        }
        List<StreamMessage<String, String>> first = redis.xrange(RevocationWire.STREAM, Range.create("-", "+"), Limit.from(1));
        return first.isEmpty() || StreamIds.compare(first.get(0).getId(), lastId) > 0;
    }

    /**
     * Whether a snapshot now would be complete. Once this replica has seen the auth server's epoch key
     * ({@link RevocationWire#EPOCH}), its absence means Redis lost its data and the marks are being
     * published again: a snapshot would miss them, so the replica keeps its view and waits (turning stale).
     */
    private boolean epochReady(RedisCommands<String, String> redis) {
        boolean present = redis.exists(RevocationWire.EPOCH) == 1;
        sawEpoch |= present;
        return present || !sawEpoch;
    }

    private void snapshot(RedisCommands<String, String> redis) {
        RevocationView.Snapshot snapshot = view.snapshot();
        ScanArgs match = ScanArgs.Builder.matches(RevocationWire.keyPattern()).limit(BATCH);
        KeyScanCursor<String> cursor = redis.scan(match);
        int count = 0;
        while (true) {
            count += load(redis, cursor.getKeys(), snapshot);
            if (cursor.isFinished()) {
                break;
            }
            cursor = redis.scan(ScanCursor.of(cursor.getCursor()), match);
        }
        snapshot.install();
        LOG.info("revocation snapshot: {} entries", count);
    }

    private int load(RedisCommands<String, String> redis, List<String> keys, RevocationView.Snapshot snapshot) {
        if (keys.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        List<KeyValue<String, String>> values = redis.mget(keys.toArray(String[]::new));
        int loaded = 0;
        for (KeyValue<String, String> value : values) {
            if (!value.hasValue()) {
                continue;
            }
            long ttl = redis.pttl(value.getKey());
            java.util.Optional<RevocationTarget> target = RevocationWire.target(value.getKey());
            if (ttl > 0 && target.isPresent()) {
                snapshot.apply(new RevocationEvent(target.get().kind(), target.get().subject(),
                        Instant.ofEpochMilli(RevocationWire.revokedAtMillis(value.getValue())), Instant.ofEpochMilli(now + ttl),
                        "snapshot"));
                loaded++;
            }
        }
        return loaded;
    }

    private void apply(Map<String, String> event) {
        try {
            view.apply(RevocationWire.fromStream(event));
        } catch (RuntimeException e) {
            LOG.warn("ignoring malformed revocation event {}: {}", event, e.getMessage());
        }
    }

    @Scheduled(fixedDelay = "30s", initialDelay = "30s")
    void prune() {
        view.prune();
    }

    private void closeConnection() {
        StatefulRedisConnection<String, String> current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        tailer.interrupt();
        closeConnection();
    }
}
