package dev.tessera.webclient;

import dev.tessera.testing.RedisUsers;
import dev.tessera.testing.TestServices;
import java.util.HashMap;
import java.util.Map;

/** A web client replica for tests that need no auth server: its issuer is unreachable, its Redis user its own. */
final class OfflineClient {

    private OfflineClient() {
    }

    /** The properties of such a replica on a free port, for client {@code clientId}. */
    static Map<String, Object> properties(String clientId) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("redis.uri", RedisUsers.forWebClient(TestServices.endpoints().redisUri(), clientId));
        properties.put("tessera.web-client.client-id", clientId);
        properties.put("tessera.web-client.client-secret", clientId + "-secret");
        properties.put("tessera.web-client.issuer", "http://127.0.0.1:9");
        properties.put("tessera.web-client.public-url", "http://127.0.0.1:8091");
        return properties;
    }
}
