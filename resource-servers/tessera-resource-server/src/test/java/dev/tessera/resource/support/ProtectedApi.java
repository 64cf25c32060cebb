package dev.tessera.resource.support;

import dev.tessera.resource.revocation.FeedState;
import dev.tessera.resource.revocation.RevocationFeed;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/** Starts {@link TestApi} behind the library, trusting one issuer and reading one Redis. */
public final class ProtectedApi {

    private ProtectedApi() {
    }

    /**
     * Starts the service and waits until its revocation feed has taken its first snapshot: before that
     * the view is stale and a fail-closed replica rightly answers 503 to every bearer request.
     */
    public static EmbeddedServer start(String issuer, String redisUri, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("tessera.resource-server.issuer", issuer);
        properties.put("redis.uri", redisUri);
        properties.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        RevocationFeed feed = server.getApplicationContext().getBean(RevocationFeed.class);
        try {
            if (!Poll.until(() -> feed.state() == FeedState.LIVE, 15_000)) {
                server.close();
                throw new IllegalStateException("the revocation feed did not go live: is Redis at " + redisUri + " up?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return server;
    }

    public static TestClock clock(EmbeddedServer server) {
        return server.getApplicationContext().getBean(TestClock.class);
    }
}
