package dev.tessera.web.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.micronaut.configuration.lettuce.ClientResourcesMutator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One Redis client policy for the auth server, the resource servers and the web clients:
 * <ul>
 *   <li>While Redis is unreachable, commands fail at once instead of queueing until a reconnect: every
 *       caller has an answer for that (the outbox and PostgreSQL, a stale revocation view, a 503 page) and
 *       must not hold a request thread meanwhile.</li>
 *   <li>Every command times out after the connection's timeout ({@code redis.timeout}, or what a caller set
 *       on its own connection, as the revocation feed does for its blocking reads).</li>
 *   <li>Reconnect attempts back off from 100 ms to at most 1 s (Lettuce's default grows to 30 s): with a
 *       {@code redis-sentinel://} URI each attempt asks the sentinels for the primary, so the app follows a
 *       failover within a second of the promotion instead of tens of seconds later.</li>
 * </ul>
 */
@Singleton
@Requires(classes = RedisClient.class)
public class RedisClientPolicy implements BeanCreatedEventListener<RedisClient>, ClientResourcesMutator {

    static final Delay RECONNECT_DELAY = Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(1), 2,
            TimeUnit.MILLISECONDS);

    @Override
    public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
        RedisClient client = event.getBean();
        client.setOptions(client.getOptions().mutate()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled())
                .build());
        return client;
    }

    @Override
    public void mutate(ClientResources.Builder builder, AbstractRedisConfiguration configuration) {
        builder.reconnectDelay(RECONNECT_DELAY);
    }
}
