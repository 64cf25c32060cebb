package dev.tessera.auth.revocation;

import dev.tessera.contract.revocation.RevocationWire;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the Redis side of revocation: how many denylist entries and marks are live, and how
 * long the stream is. Counted every 30 s with SCAN (never KEYS), off the request path.
 */
@Context // registers its gauges at start-up, not at the first scheduled run
public class RevocationMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationMetrics.class);

    private final RedisCommands<String, String> redis;
    private volatile long denylistSize;
    private volatile long streamLength;

    public RevocationMetrics(StatefulRedisConnection<String, String> connection, MeterRegistry meters) {
        this.redis = connection.sync();
        meters.gauge("tessera.denylist.size", this, m -> m.denylistSize);
        meters.gauge("tessera.revocation.stream.length", this, m -> m.streamLength);
    }

    @Scheduled(fixedDelay = "30s", initialDelay = "5s")
    void measure() {
        try {
            long keys = 0;
            ScanArgs match = ScanArgs.Builder.matches(RevocationWire.keyPattern()).limit(1000);
            KeyScanCursor<String> cursor = redis.scan(match);
            keys += cursor.getKeys().size();
            while (!cursor.isFinished()) {
                cursor = redis.scan(ScanCursor.of(cursor.getCursor()), match);
                keys += cursor.getKeys().size();
            }
            denylistSize = keys;
            streamLength = redis.xlen(RevocationWire.STREAM);
        } catch (RedisException e) {
            LOG.debug("revocation gauges not updated: {}", e.getMessage());
        }
    }
}
