package dev.tessera.auth.console;

import dev.tessera.auth.admin.Page;
import dev.tessera.auth.client.ClientStore;
import dev.tessera.auth.keys.KeyRotation;
import dev.tessera.auth.page.PageResponse;
import dev.tessera.auth.webapp.Confirmation;
import dev.tessera.auth.webapp.Notice;
import dev.tessera.auth.webapp.WebApp;
import dev.tessera.auth.webapp.WebAppAccess;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The console's read-only client registry and its signing keys, with key rotation behind a
 * confirmation (the same {@link KeyRotation} as {@code POST /admin/keys/rotate}).
 */
@Controller("/console")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleKeysController {

    private static final int PAGE_SIZE = 50;

    private final WebAppAccess access;
    private final KeyRotation keys;
    private final ClientStore clients;

    public ConsoleKeysController(WebAppAccess access, KeyRotation keys, ClientStore clients) {
        this.access = access;
        this.keys = keys;
        this.clients = clients;
    }

    @Get("/keys")
    public HttpResponse<?> keys(HttpRequest<?> request, @Nullable @QueryValue String done) {
        return access.page(WebApp.CONSOLE, request, user -> PageResponse.ok("console/keys", Map.of("user", user,
                "keys", keys.published(), "notices", Notice.shown(done, null))));
    }

    @Get("/keys/rotate")
    public HttpResponse<?> confirmRotate(HttpRequest<?> request) {
        return access.page(WebApp.CONSOLE, request, user -> {
            List<Confirmation.Detail> signing = keys.published().stream().filter(KeyRotation.PublishedKey::active)
                    .map(k -> new Confirmation.Detail(k.signsAccessTokens() ? "Signs access tokens" : "Signs ID tokens",
                            k.kid() + " (" + k.algorithm() + ")"))
                    .toList();
            return PageResponse.ok("webapp/confirm", Map.of("user", user, "section", "keys", "confirmation",
                    new Confirmation("Rotate the signing keys?", "New keys sign every token from now on. The current "
                            + "keys stay published until the tokens they signed expire, so nothing already issued breaks.",
                            signing, "/console/keys/rotate", "Rotate the keys", "/console/keys")));
        });
    }

    @Post(uri = "/keys/rotate", consumes = MediaType.ALL)
    public HttpResponse<?> rotate(HttpRequest<?> request, @Nullable @Body String body) {
        return access.action(WebApp.CONSOLE, request, body, (user, form) -> {
            KeyRotation.Rotated rotated = keys.rotate(user.actor());
            return HttpResponse.seeOther(URI.create("/console/keys" + Notice.KEY_ROTATED.query(true) + "#"
                    + rotated.accessTokenKey().kid()));
        });
    }

    @Get("/clients")
    public HttpResponse<?> clients(HttpRequest<?> request, @Nullable @QueryValue Integer page) {
        return access.page(WebApp.CONSOLE, request, user -> {
            Page paging = Page.of(page, PAGE_SIZE);
            List<ClientView> found = clients.list(paging.size(), paging.offset()).stream().map(ClientView::of).toList();
            return PageResponse.ok("console/clients", Map.of("user", user, "clients", found, "page", paging.page(),
                    "more", found.size() == PAGE_SIZE));
        });
    }
}
