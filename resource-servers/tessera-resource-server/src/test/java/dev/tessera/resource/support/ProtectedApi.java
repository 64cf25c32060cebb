package dev.tessera.resource.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/** Starts {@link TestApi} behind the library, trusting one issuer and reading one Redis. */
public final class ProtectedApi {

    private ProtectedApi() {
    }

    public static EmbeddedServer start(String issuer, String redisUri, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("tessera.resource-server.issuer", issuer);
        properties.put("redis.uri", redisUri);
        properties.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    public static TestClock clock(EmbeddedServer server) {
        return server.getApplicationContext().getBean(TestClock.class);
    }
}
