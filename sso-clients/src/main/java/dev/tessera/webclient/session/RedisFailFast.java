package dev.tessera.webclient.session;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * While Redis is unreachable, session commands fail at once (and the request gets a 503) instead of
 * queueing until the command timeout: a browser waiting seconds per click is worse than an honest error.
 */
@Singleton
public class RedisFailFast implements BeanCreatedEventListener<RedisClient> {

    @Override
    public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
        RedisClient client = event.getBean();
        client.setOptions(client.getOptions().mutate()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        return client;
    }
}
