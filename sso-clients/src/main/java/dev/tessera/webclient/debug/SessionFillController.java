package dev.tessera.webclient.debug;

import dev.tessera.webclient.WebClientProperties;
import dev.tessera.webclient.session.SessionStore;
import dev.tessera.webclient.session.WebSession;
import dev.tessera.webclient.web.HomeController;
import dev.tessera.webclient.web.RoutedIds;
import dev.tessera.webclient.web.SessionCookies;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /debug/sessions/fill?count=N}: N new sessions shaped like the caller's (same roles, an ID
 * token, CSRF and refresh token of the same lengths; a fresh user id, name, SSO device and random
 * values each), written through this replica's real store, then each read back once. The answer says
 * how long the store took per write and per read. The memory benchmark fills 100k this way and
 * measures the heap or Redis around it; nobody else should call it (dev profile only).
 */
@Controller("/debug/sessions")
@Requires(property = "tessera.web-client.debug-endpoints", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SessionFillController {

    private static final int MAX = 200_000;

    private final SessionStore sessions;
    private final SessionCookies cookies;
    private final RoutedIds ids;
    private final WebClientProperties properties;

    public SessionFillController(SessionStore sessions, SessionCookies cookies, RoutedIds ids, WebClientProperties properties) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.ids = ids;
        this.properties = properties;
    }

    @Post(uri = "/fill", consumes = MediaType.ALL)
    public HttpResponse<?> fill(HttpRequest<?> request, @QueryValue int count) {
        Optional<WebSession> template = cookies.current(request);
        if (template.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new HomeController.Problem("Session not found",
                    "sign in first: the new sessions copy the shape of yours"));
        }
        if (count < 1 || count > MAX) {
            return HttpResponse.badRequest(new HomeController.Problem("invalid_request", "count must be 1 to " + MAX));
        }
        String[] created = new String[count];
        long[] writes = new long[count];
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < count; i++) {
            WebSession session = likeThis(template.get(), i, now);
            long start = System.nanoTime();
            sessions.save(session);
            writes[i] = System.nanoTime() - start;
            created[i] = session.id();
        }
        long[] reads = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            if (sessions.find(created[i]).isEmpty()) {
                throw new IllegalStateException("a session just written is missing: the store lost it");
            }
            reads[i] = System.nanoTime() - start;
        }
        return HttpResponse.ok(new Filled(properties.serverId(), properties.sessionStore(), count,
                Latency.of(writes), Latency.of(reads)));
    }

    private WebSession likeThis(WebSession t, int n, Instant now) {
        return new WebSession(ids.next(32), UUID.randomUUID().toString(), "user%06d".formatted(n), "Load User " + n,
                t.roles(), now, UUID.randomUUID().toString(), RoutedIds.random(24), sameLength(t.idToken()),
                t.refreshToken() == null ? null : sameLength(t.refreshToken()), t.accessExpiresAt());
    }

    /** A new random string as long as the given one: same memory, nothing shared between sessions. */
    private static String sameLength(String value) {
        return RoutedIds.random(value.length() * 3 / 4 + 3).substring(0, value.length());
    }

    /** What the fill did, and the store's latency per write ({@code create}) and per read ({@code get}). */
    @Serdeable
    public record Filled(String server_id, String store, int created, Latency create_us, Latency get_us) {
    }
}
