package dev.tessera.auth.device;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells connected clients at once that a device was signed out: a {@code force_logout} message on
 * the Redis pub/sub channel {@code tessera:user:<userId>:events}. Best effort by design: the
 * revocation itself is durable elsewhere, and a client that missed the notice learns the reason
 * from its next refresh.
 */
@Singleton
public class RedisForceLogoutNotifier implements ForceLogoutNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(RedisForceLogoutNotifier.class);

    private final StatefulRedisConnection<String, String> redis;
    private final JsonMapper json;

    public RedisForceLogoutNotifier(StatefulRedisConnection<String, String> redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void notifyKicked(Device device, KickReason reason, Instant at) {
        try {
            String message = json.writeValueAsString(Map.of("type", "force_logout", "device_id", device.id().toString(),
                    "client_id", device.clientId(), "reason", reason.code(), "at", at.toString()));
            redis.sync().publish(ForceLogoutNotifier.channel(device.userId()), message);
        } catch (IOException | RedisException e) {
            LOG.warn("force_logout notice for device {} not published: {}", device.id(), e.getMessage());
        }
    }
}
