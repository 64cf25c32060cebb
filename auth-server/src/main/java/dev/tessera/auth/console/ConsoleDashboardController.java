package dev.tessera.auth.console;

import dev.tessera.auth.admin.AdminStats;
import dev.tessera.auth.keys.KeyRotation;
import dev.tessera.auth.page.PageResponse;
import dev.tessera.auth.webapp.WebApp;
import dev.tessera.auth.webapp.WebAppAccess;
import dev.tessera.auth.webapp.WebAppSignIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.util.Map;

/**
 * {@code /console}: the dashboard, its JSON refresh, and the console's OAuth callback. The console checks
 * its own session ({@link WebAppAccess}), so micronaut-security lets these routes through.
 */
@Controller("/console")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleDashboardController {

    private final WebAppAccess access;
    private final WebAppSignIn signIn;
    private final AdminStats stats;
    private final KeyRotation keys;
    private final Clock clock;

    public ConsoleDashboardController(WebAppAccess access, WebAppSignIn signIn, AdminStats stats, KeyRotation keys,
                                      Clock clock) {
        this.access = access;
        this.signIn = signIn;
        this.stats = stats;
        this.keys = keys;
        this.clock = clock;
    }

    @Get
    public HttpResponse<?> dashboard(HttpRequest<?> request) {
        return access.page(WebApp.CONSOLE, request, user -> PageResponse.ok("console/dashboard",
                Map.of("user", user, "dashboard", dashboard(), "nonce", PageResponse.nonce(request))));
    }

    @Get("/dashboard.json")
    public HttpResponse<?> live(HttpRequest<?> request) {
        return access.page(WebApp.CONSOLE, request, user -> HttpResponse.ok(dashboard().live()));
    }

    @Get("/callback")
    public HttpResponse<?> callback(HttpRequest<?> request) {
        return signIn.callback(WebApp.CONSOLE, request);
    }

    private Dashboard dashboard() {
        return Dashboard.of(stats.now(), stats.activity(Dashboard.WINDOW, Dashboard.BUCKET), keys.published(), clock.instant());
    }
}
