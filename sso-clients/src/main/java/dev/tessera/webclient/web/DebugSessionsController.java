package dev.tessera.webclient.web;

import dev.tessera.webclient.WebClientProperties;
import dev.tessera.webclient.session.MemorySessionStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.List;
import java.util.Map;

/** {@code GET /debug/sessions}: this replica's sessions (memory store only, as in the sticky-session seed). */
@Controller("/debug/sessions")
@Requires(property = "tessera.web-client.session-store", value = "memory")
public class DebugSessionsController {

    private final MemorySessionStore sessions;
    private final WebClientProperties properties;

    public DebugSessionsController(MemorySessionStore sessions, WebClientProperties properties) {
        this.sessions = sessions;
        this.properties = properties;
    }

    @Get
    public Map<String, Object> list() {
        List<Map<String, String>> held = sessions.all().stream()
                .map(s -> Map.of("session", s.id().substring(0, 8) + "…", "username", s.username(),
                        "login_time", s.loginTime().toString()))
                .toList();
        return Map.of("server_id", properties.serverId(), "count", held.size(), "sessions", held);
    }
}
