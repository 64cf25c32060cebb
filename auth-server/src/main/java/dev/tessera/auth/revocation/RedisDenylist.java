package dev.tessera.auth.revocation;

import dev.tessera.contract.revocation.RevocableToken;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationRule;
import dev.tessera.contract.revocation.RevocationTarget;
import dev.tessera.contract.revocation.RevocationWire;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The denylist in Redis, in the format every verifier reads ({@link RevocationWire}, described in
 * docs/revocation.md): one key per mark, expiring when it stops mattering, and an entry on the
 * revocation stream per event. A check is one MGET of the token's possible marks.
 *
 * <p>Publishing runs on a connection of its own: Redis {@code WAIT} blocks the connection it is sent on, and
 * waits for the writes of that connection, so checks on the shared connection never queue behind it.
 */
@Singleton
public class RedisDenylist implements Denylist {

    private final RedisCommands<String, String> redis;
    private final RedisClient client;
    private final DenylistProperties properties;
    private final Clock clock;
    private StatefulRedisConnection<String, String> publishing;

    public RedisDenylist(StatefulRedisConnection<String, String> connection, RedisClient client,
                         DenylistProperties properties, Clock clock) {
        this.redis = connection.sync();
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void apply(RevocationEvent event) {
        RedisCommands<String, String> publisher = publisher();
        long ttlMillis = event.relevantUntil().toEpochMilli() - clock.millis();
        if (ttlMillis > 0) {
            publisher.set(RevocationWire.key(event.target()), RevocationWire.markValue(event), SetArgs.Builder.px(ttlMillis));
        }
        publisher.xadd(RevocationWire.STREAM, new XAddArgs().maxlen(RevocationWire.STREAM_MAX_LENGTH).approximateTrimming(),
                RevocationWire.streamFields(event));
    }

    @Override
    public void awaitReplicated() {
        int required = properties.replicaAcks();
        if (required == 0) {
            return;
        }
        long acknowledged = publisher().waitForReplication(required, properties.replicaAckTimeout().toMillis());
        if (acknowledged < required) {
            throw new UnreplicatedDenylistException(acknowledged, required);
        }
    }

    /** Connected on first use, so the server starts while Redis is away; Lettuce reconnects it afterwards. */
    private synchronized RedisCommands<String, String> publisher() {
        if (publishing == null) {
            publishing = client.connect();
        }
        return publishing.sync();
    }

    @PreDestroy
    synchronized void close() {
        if (publishing != null) {
            publishing.close();
        }
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
