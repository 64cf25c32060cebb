package dev.tessera.orders;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** {@code GET /api/profile} (any valid token) and the public {@code GET /api/ping} reference endpoint. */
@Controller("/api")
public class ProfileController {

    private final ServerIdentity server;

    public ProfileController(ServerIdentity server) {
        this.server = server;
    }

    @Get("/profile")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Profile profile(Authentication caller) {
        Map<String, Object> claims = caller.getAttributes();
        List<String> roles = caller.getRoles().stream().filter(r -> !r.startsWith("scope:")).toList();
        return new Profile(server.serverId(), "jwt", caller.getName(), (String) claims.get("preferred_username"), roles,
                (String) claims.get("client_id"), (String) claims.get("scope"), (String) claims.get("sid"));
    }

    /** Unauthenticated, same server, similar size: the benchmark's reference. */
    @Get("/ping")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public Pong ping() {
        return new Pong(server.serverId(), "pong");
    }

    /** The ping answer. */
    @Serdeable
    public record Pong(String server_id, String status) {
    }
}
