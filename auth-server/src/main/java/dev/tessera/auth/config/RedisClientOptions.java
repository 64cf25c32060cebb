package dev.tessera.auth.config;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * While Redis is unreachable, commands fail at once instead of queueing until a reconnect: the
 * callers have a fallback (outbox, fail closed) and must not hang a request thread for a minute.
 */
@Singleton
public class RedisClientOptions implements BeanCreatedEventListener<RedisClient> {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
        RedisClient client = event.getBean();
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        return client;
    }
}
