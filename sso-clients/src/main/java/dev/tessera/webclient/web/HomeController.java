package dev.tessera.webclient.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tessera.webclient.WebClientProperties;
import dev.tessera.webclient.session.WebSession;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The home page and {@code GET /profile}, the JSON profile every scheme of the comparison answers with. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class HomeController {

    private final WebClientProperties properties;
    private final SessionCookies cookies;
    private final TokenRefresher refresher;
    private final Pages pages;

    public HomeController(WebClientProperties properties, SessionCookies cookies, TokenRefresher refresher, Pages pages) {
        this.properties = properties;
        this.cookies = cookies;
        this.refresher = refresher;
        this.pages = pages;
    }

    @Get
    public HttpResponse<?> home(HttpRequest<?> request) {
        Optional<WebSession> session = cookies.current(request);
        return session.isPresent() ? pages.signedIn(request, session.get()) : pages.signedOut(request);
    }

    @Get("/profile")
    public HttpResponse<?> profile(HttpRequest<?> request) {
        Optional<WebSession> session = cookies.current(request).flatMap(refresher::fresh);
        if (session.isEmpty()) {
            // As in the sticky-session seed: a replica that does not hold the session says so.
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new Problem("Session not found",
                    "no session for this cookie at " + properties.serverId() + "; sign in at /login"));
        }
        WebSession s = session.get();
        return HttpResponse.ok(new Profile(properties.serverId(), "memory".equals(properties.sessionStore()) ? "sticky" : "redis",
                s.userId(), s.username(), s.roles(), properties.clientId(), null, s.sid(), s.accessExpiresAt()));
    }

    /** The comparison's profile (same fields as the resource servers'), plus when the access token expires. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Profile(@JsonProperty("server_id") String serverId, @JsonProperty("scheme") String scheme,
                          @JsonProperty("user_id") String userId, @JsonProperty("username") String username,
                          @JsonProperty("roles") List<String> roles, @JsonProperty("client_id") String clientId,
                          @JsonProperty("scope") String scope, @JsonProperty("session_id") String sessionId,
                          @JsonProperty("access_token_expires_at") Instant accessTokenExpiresAt) {
    }

    /** A JSON error. */
    @Serdeable
    public record Problem(String error, String message) {
    }
}
