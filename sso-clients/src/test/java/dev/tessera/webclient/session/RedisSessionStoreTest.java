package dev.tessera.webclient.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.RedisUsers;
import dev.tessera.testing.TestServices;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "tessera.web-client.client-id", value = "contract")
@Property(name = "tessera.web-client.client-secret", value = "unused")
@Property(name = "tessera.web-client.issuer", value = "http://127.0.0.1:1")
@Property(name = "tessera.web-client.public-url", value = "http://127.0.0.1:2")
class RedisSessionStoreTest extends SessionStoreContract implements TestPropertyProvider {

    @Inject
    RedisSessionStore store;
    @Inject
    StatefulRedisConnection<String, String> redis;

    @Override
    public Map<String, String> getProperties() {
        // As its own confined Redis user: every key the store writes must be under the client's prefix.
        return new HashMap<>(Map.of("redis.uri", RedisUsers.forWebClient(TestServices.endpoints().redisUri(), "contract")));
    }

    @Override
    protected SessionStore sessions() {
        return store;
    }

    @Override
    protected OneTimeStore once() {
        return store;
    }

    @Test
    void sessionIsAHashWithASlidingThirtyMinuteTtl() {
        WebSession session = session("sid");
        store.save(session);
        redis.sync().pexpire(RedisKeys.session("contract", session.id()), 60_000);
        store.find(session.id());
        long ttl = redis.sync().pttl(RedisKeys.session("contract", session.id()));
        assertTrue(ttl > 29 * 60_000 && ttl <= 30 * 60_000, "a read renews the 30 minute TTL, ttl=" + ttl);
        assertTrue(redis.sync().hgetall(RedisKeys.session("contract", session.id())).containsKey("user_id"));
    }
}
