package dev.tessera.webclient.debug;

import dev.tessera.webclient.WebClientProperties;
import dev.tessera.webclient.session.MemorySessionStore;
import dev.tessera.webclient.session.WebSession;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /debug/sessions}: the sessions this replica holds, with their users (memory store only, as in
 * the sticky-session seed). Ids are cut short: even a debug page does not hand out whole session ids.
 */
@Controller("/debug/sessions")
@Requires(property = "tessera.web-client.session-store", value = "memory")
@Requires(property = "tessera.web-client.debug-endpoints", value = "true")
public class DebugSessionsController {

    /** A replica filled for the memory benchmark holds 100k sessions; the page lists the oldest. */
    private static final int LISTED = 1000;

    private final MemorySessionStore sessions;
    private final WebClientProperties properties;

    public DebugSessionsController(MemorySessionStore sessions, WebClientProperties properties) {
        this.sessions = sessions;
        this.properties = properties;
    }

    @Get
    public Map<String, Object> list() {
        List<WebSession> all = sessions.all();
        List<Map<String, String>> held = all.stream().limit(LISTED)
                .map(s -> Map.of("session_id", s.id().substring(0, s.id().length() - 32) + "…", "username", s.username(),
                        "login_time", s.loginTime().toString()))
                .toList();
        return Map.of("server_id", properties.serverId(), "session_count", all.size(), "sessions", held);
    }
}
