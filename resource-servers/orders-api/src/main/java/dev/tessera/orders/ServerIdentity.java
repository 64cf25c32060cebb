package dev.tessera.orders;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Which replica this is ({@code SERVER_ID} in the environment, {@code server.id} in configuration). */
@Singleton
public class ServerIdentity {

    private final String serverId;

    public ServerIdentity(@Value("${server.id:api}") String serverId) {
        this.serverId = serverId;
    }

    public String serverId() {
        return serverId;
    }
}
