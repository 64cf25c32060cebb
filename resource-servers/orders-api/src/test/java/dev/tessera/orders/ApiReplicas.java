package dev.tessera.orders;

import dev.tessera.resource.revocation.FeedState;
import dev.tessera.resource.revocation.RevocationFeed;
import dev.tessera.testing.RedisUsers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Several replicas of the orders API in this JVM, each with its own port and SERVER_ID, pointed at one auth server. */
final class ApiReplicas implements AutoCloseable {

    private final List<EmbeddedServer> servers = new ArrayList<>();

    static ApiReplicas start(int count, String issuer, String redisUri, Map<String, Object> extra) {
        ApiReplicas replicas = new ApiReplicas();
        for (int i = 1; i <= count; i++) {
            replicas.servers.add(startOne("api-" + i, issuer, redisUri, extra));
        }
        return replicas;
    }

    static EmbeddedServer startOne(String serverId, String issuer, String redisUri, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("server.id", serverId);
        properties.put("tessera.resource-server.issuer", issuer);
        properties.put("tessera.resource-server.jwks-min-refetch-interval", "1s");
        properties.put("redis.uri", RedisUsers.uriAs(redisUri, "tessera-resource")); // its own Redis user, read-only marks
        properties.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        awaitLiveFeed(server);
        return server;
    }

    /** Until the first snapshot is in, a fail-closed replica rightly answers 503 to every bearer request. */
    private static void awaitLiveFeed(EmbeddedServer server) {
        RevocationFeed feed = server.getApplicationContext().getBean(RevocationFeed.class);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (feed.state() != FeedState.LIVE) {
            if (System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("the revocation feed of " + server.getURI() + " did not go live");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    List<EmbeddedServer> servers() {
        return servers;
    }

    @Override
    public void close() {
        servers.forEach(EmbeddedServer::close);
    }
}
