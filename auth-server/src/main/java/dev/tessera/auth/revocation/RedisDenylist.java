package dev.tessera.auth.revocation;

import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The denylist in Redis. Layout (shared with the resource servers, see docs/revocation.md):
 * <ul>
 *   <li>{@code tessera:revoked:jti:<jti>}, {@code tessera:revoked:device:<sid>},
 *       {@code tessera:revoked:user:<sub>} = revokedAt in epoch millis, expiring at relevantUntil;</li>
 *   <li>stream {@code tessera:revocations}, fields {@code kind subject revoked_at relevant_until reason},
 *       trimmed to about {@value #STREAM_MAX_LENGTH} entries.</li>
 * </ul>
 */
@Singleton
public class RedisDenylist implements Denylist {

    public static final String STREAM = "tessera:revocations";
    public static final String KEY_PREFIX = "tessera:revoked:";
    static final long STREAM_MAX_LENGTH = 100_000;

    private final RedisCommands<String, String> redis;
    private final Clock clock;

    public RedisDenylist(StatefulRedisConnection<String, String> connection, Clock clock) {
        this.redis = connection.sync();
        this.clock = clock;
    }

    public static String key(RevocationEvent.Kind kind, String subject) {
        return KEY_PREFIX + kind.code() + ":" + subject;
    }

    @Override
    public void apply(RevocationEvent event) {
        long ttlMillis = event.relevantUntil().toEpochMilli() - clock.millis();
        if (ttlMillis > 0) {
            redis.set(key(event.kind(), event.subject()), Long.toString(event.revokedAt().toEpochMilli()),
                    SetArgs.Builder.px(ttlMillis));
        }
        redis.xadd(STREAM, new XAddArgs().maxlen(STREAM_MAX_LENGTH).approximateTrimming(), Map.of(
                "kind", event.kind().code(),
                "subject", event.subject(),
                "revoked_at", Long.toString(event.revokedAt().toEpochMilli()),
                "relevant_until", Long.toString(event.relevantUntil().toEpochMilli()),
                "reason", event.reason()));
    }

    @Override
    public boolean isRevoked(String jti, String deviceId, String userId, Instant issuedAt) {
        List<KeyValue<String, String>> marks = redis.mget(
                key(RevocationEvent.Kind.JTI, jti),
                key(RevocationEvent.Kind.DEVICE, deviceId == null ? "-" : deviceId),
                key(RevocationEvent.Kind.USER, userId));
        if (marks.get(0).hasValue()) {
            return true;
        }
        return coversIssueTime(marks.get(1), issuedAt) || coversIssueTime(marks.get(2), issuedAt);
    }

    private static boolean coversIssueTime(KeyValue<String, String> mark, Instant issuedAt) {
        return mark.hasValue() && issuedAt.toEpochMilli() <= Long.parseLong(mark.getValue());
    }
}
