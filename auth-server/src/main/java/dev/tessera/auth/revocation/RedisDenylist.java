package dev.tessera.auth.revocation;

import dev.tessera.contract.revocation.RevocableToken;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationRule;
import dev.tessera.contract.revocation.RevocationTarget;
import dev.tessera.contract.revocation.RevocationWire;
import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The denylist in Redis, in the format every verifier reads ({@link RevocationWire}, described in
 * docs/revocation.md): one key per mark, expiring when it stops mattering, and an entry on the
 * revocation stream per event. A check is one MGET of the token's possible marks.
 */
@Singleton
public class RedisDenylist implements Denylist {

    private final RedisCommands<String, String> redis;
    private final Clock clock;

    public RedisDenylist(StatefulRedisConnection<String, String> connection, Clock clock) {
        this.redis = connection.sync();
        this.clock = clock;
    }

    @Override
    public void apply(RevocationEvent event) {
        long ttlMillis = event.relevantUntil().toEpochMilli() - clock.millis();
        if (ttlMillis > 0) {
            redis.set(RevocationWire.key(event.target()), RevocationWire.markValue(event), SetArgs.Builder.px(ttlMillis));
        }
        redis.xadd(RevocationWire.STREAM, new XAddArgs().maxlen(RevocationWire.STREAM_MAX_LENGTH).approximateTrimming(),
                RevocationWire.streamFields(event));
    }

    @Override
    public boolean isRevoked(RevocableToken token) {
        List<RevocationTarget> targets = token.targets();
        // The epoch rides along in the same MGET: no extra round trip to know the answer can be trusted.
        String[] keys = new String[targets.size() + 1];
        for (int i = 0; i < targets.size(); i++) {
            keys[i] = RevocationWire.key(targets.get(i));
        }
        keys[targets.size()] = RevocationWire.EPOCH;
        List<KeyValue<String, String>> values = redis.mget(keys);
        if (!values.get(targets.size()).hasValue()) {
            throw new IncompleteDenylistException();
        }
        Map<RevocationTarget, Long> marks = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            if (values.get(i).hasValue()) {
                marks.put(targets.get(i), RevocationWire.revokedAtMillis(values.get(i).getValue()));
            }
        }
        return RevocationRule.isRevoked(token, marks::get);
    }

    @Override
    public boolean isComplete() {
        return redis.exists(RevocationWire.EPOCH) == 1;
    }

    @Override
    public void markComplete() {
        redis.set(RevocationWire.EPOCH, Long.toString(clock.millis()));
    }
}
