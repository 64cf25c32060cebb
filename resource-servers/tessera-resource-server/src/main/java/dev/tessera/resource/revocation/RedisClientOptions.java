package dev.tessera.resource.revocation;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/** Commands fail at once while Redis is unreachable, so the feed notices and resnapshots instead of queueing. */
@Singleton
public class RedisClientOptions implements BeanCreatedEventListener<RedisClient> {

    @Override
    public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
        RedisClient client = event.getBean();
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        return client;
    }
}
