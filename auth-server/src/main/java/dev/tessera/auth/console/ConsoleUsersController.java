package dev.tessera.auth.console;

import dev.tessera.auth.admin.AdminUsersController.UserView;
import dev.tessera.auth.admin.AuditSearch;
import dev.tessera.auth.admin.Page;
import dev.tessera.auth.admin.UserAdministration;
import dev.tessera.auth.device.Device;
import dev.tessera.auth.device.DeviceSignOut;
import dev.tessera.auth.error.ApiException;
import dev.tessera.auth.page.PageResponse;
import dev.tessera.auth.protocol.RequestOrigin;
import dev.tessera.auth.user.User;
import dev.tessera.auth.webapp.Confirmation;
import dev.tessera.auth.webapp.Notice;
import dev.tessera.auth.webapp.SignedIn;
import dev.tessera.auth.webapp.WebApp;
import dev.tessera.auth.webapp.WebAppAccess;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's users: a searchable list, a user's page with their devices, and the three sign-outs
 * of the admin API (one device, every device, everything issued before now), each a GET confirmation
 * page and a CSRF-protected POST, through the same {@link UserAdministration} as {@code /admin/users}.
 */
@Controller("/console/users")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleUsersController {

    private static final int PAGE_SIZE = 25;

    private final WebAppAccess access;
    private final UserAdministration users;
    private final AuditSearch audit;
    private final Clock clock;

    public ConsoleUsersController(WebAppAccess access, UserAdministration users, AuditSearch audit, Clock clock) {
        this.access = access;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue Integer page) {
        return access.page(WebApp.CONSOLE, request, user -> {
            Page paging = Page.of(page, PAGE_SIZE);
            List<UserView> found = users.search(q, paging).stream().map(UserView::of).toList();
            return PageResponse.ok("console/users", Map.of("user", user, "q", q == null ? "" : q, "users", found,
                    "page", paging.page(), "more", found.size() == PAGE_SIZE));
        });
    }

    @Get("/{id}")
    public HttpResponse<?> show(HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String done,
                                @Nullable @QueryValue String queued) {
        return access.page(WebApp.CONSOLE, request, user -> {
            User target = users.user(id);
            return PageResponse.ok("console/user", Map.of("user", user, "target", UserView.of(target),
                    "devices", users.devices(target), "events", audit.find(id, null, Page.of(0, 10)),
                    "notices", Notice.shown(done, queued), "now", clock.instant()));
        });
    }

    @Get("/{id}/devices/{deviceId}/sign-out")
    public HttpResponse<?> confirmSignOutDevice(HttpRequest<?> request, @PathVariable String id, @PathVariable String deviceId) {
        return access.page(WebApp.CONSOLE, request, user -> {
            User target = users.user(id);
            Device device = users.devices(target).stream().filter(d -> d.id().toString().equals(deviceId)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("no such device for this user"));
            return confirm(user, new Confirmation("Sign out this device?", "The device's refresh token stops working "
                    + "at once and its access tokens are refused everywhere within a second.", List.of(
                    new Confirmation.Detail("User", target.username()),
                    new Confirmation.Detail("Device", Optional.ofNullable(device.name()).orElse("(unnamed)")),
                    new Confirmation.Detail("Type", device.type().code()),
                    new Confirmation.Detail("Client", device.clientId()),
                    new Confirmation.Detail("Address", Optional.ofNullable(device.ip()).orElse("—"))),
                    request.getPath(), "Sign out the device", userPath(target)));
        });
    }

    @Post(uri = "/{id}/devices/{deviceId}/sign-out", consumes = MediaType.ALL)
    public HttpResponse<?> signOutDevice(HttpRequest<?> request, @PathVariable String id, @PathVariable String deviceId,
                                         @Nullable @Body String body) {
        return access.action(WebApp.CONSOLE, request, body, (user, form) -> {
            User target = users.user(id);
            return done(target, Notice.DEVICE_SIGNED_OUT,
                    users.signOutDevice(target, deviceId, user.actor(), RequestOrigin.ip(request)));
        });
    }

    @Get("/{id}/sign-out-everywhere")
    public HttpResponse<?> confirmSignOutEverywhere(HttpRequest<?> request, @PathVariable String id) {
        return access.page(WebApp.CONSOLE, request, user -> {
            User target = users.user(id);
            return confirm(user, new Confirmation("Sign out everywhere?", "Every device of this user is signed out: "
                    + "refresh tokens refused, access tokens denied, SSO sessions ended.", List.of(
                    new Confirmation.Detail("User", target.username()),
                    new Confirmation.Detail("Devices", Integer.toString(users.devices(target).size()))),
                    request.getPath(), "Sign out every device", userPath(target)));
        });
    }

    @Post(uri = "/{id}/sign-out-everywhere", consumes = MediaType.ALL)
    public HttpResponse<?> signOutEverywhere(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
        return access.action(WebApp.CONSOLE, request, body, (user, form) -> {
            User target = users.user(id);
            return done(target, Notice.SIGNED_OUT_EVERYWHERE,
                    users.signOutEverywhere(target, user.actor(), RequestOrigin.ip(request)));
        });
    }

    @Get("/{id}/revoke-before")
    public HttpResponse<?> confirmRevokeBefore(HttpRequest<?> request, @PathVariable String id) {
        return access.page(WebApp.CONSOLE, request, user -> {
            User target = users.user(id);
            return confirm(user, new Confirmation("Revoke everything issued before now?", "Every token issued to this "
                    + "user until now stops working, with or without a device: use it when an account was compromised.",
                    List.of(new Confirmation.Detail("User", target.username())),
                    request.getPath(), "Revoke everything", userPath(target)));
        });
    }

    @Post(uri = "/{id}/revoke-before", consumes = MediaType.ALL)
    public HttpResponse<?> revokeBefore(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
        return access.action(WebApp.CONSOLE, request, body, (user, form) -> {
            User target = users.user(id);
            return done(target, Notice.REVOKED_BEFORE,
                    users.revokeEverythingBefore(target, user.actor(), RequestOrigin.ip(request)));
        });
    }

    private static MutableHttpResponse<?> confirm(SignedIn user,
                                                                    Confirmation confirmation) {
        return PageResponse.ok("webapp/confirm", Map.of("user", user, "section", "users", "confirmation", confirmation));
    }

    private static MutableHttpResponse<?> done(User target, Notice notice, DeviceSignOut.Result result) {
        return HttpResponse.seeOther(URI.create(userPath(target) + notice.query(result.propagated())));
    }

    private static String userPath(User user) {
        return "/console/users/" + user.id();
    }
}
