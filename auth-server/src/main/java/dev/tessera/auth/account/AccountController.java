package dev.tessera.auth.account;

import dev.tessera.auth.admin.AuditSearch;
import dev.tessera.auth.admin.Page;
import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.device.DeviceSignOut;
import dev.tessera.auth.device.DeviceView;
import dev.tessera.auth.device.MyDevices;
import dev.tessera.auth.error.ApiException;
import dev.tessera.auth.page.PageResponse;
import dev.tessera.auth.protocol.RequestOrigin;
import dev.tessera.auth.webapp.Confirmation;
import dev.tessera.auth.webapp.Display;
import dev.tessera.auth.webapp.Notice;
import dev.tessera.auth.webapp.SignedIn;
import dev.tessera.auth.webapp.WebApp;
import dev.tessera.auth.webapp.WebAppAccess;
import dev.tessera.auth.webapp.WebAppSignIn;
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

/**
 * {@code /account}: every signed-in user's devices ("this device" is the browser's SSO device), signing
 * one out or all the others, and their recent sign-ins. The same {@link MyDevices} as {@code /me/devices}.
 */
@Controller("/account")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AccountController {

    private final WebAppAccess access;
    private final WebAppSignIn signIn;
    private final MyDevices devices;
    private final AuditSearch audit;
    private final Clock clock;

    public AccountController(WebAppAccess access, WebAppSignIn signIn, MyDevices devices, AuditSearch audit, Clock clock) {
        this.access = access;
        this.signIn = signIn;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    @Get
    public HttpResponse<?> account(HttpRequest<?> request, @Nullable @QueryValue String done, @Nullable @QueryValue String queued) {
        return access.page(WebApp.ACCOUNT, request, user -> PageResponse.ok("account/account", Map.of("user", user,
                "devices", myDevices(user),
                "signIns", audit.find(user.userId().toString(), AuditEvent.LOGIN_SUCCEEDED, Page.of(0, 10)),
                "notices", Notice.shown(done, queued), "now", clock.instant())));
    }

    @Get("/devices/{id}/sign-out")
    public HttpResponse<?> confirmSignOut(HttpRequest<?> request, @PathVariable String id) {
        return access.page(WebApp.ACCOUNT, request, user -> {
            DeviceView device = myDevices(user).stream().filter(d -> d.id().equals(id)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("no such device"));
            return confirm(user, new Confirmation("Sign out this device?", "It will have to sign in again.", List.of(
                    new Confirmation.Detail("Device", device.name() == null ? "(unnamed)" : device.name()),
                    new Confirmation.Detail("Type", device.type()),
                    new Confirmation.Detail("Application", device.clientId()),
                    new Confirmation.Detail("Last seen", Display.ago(device.lastSeenAt(), clock.instant()))),
                    request.getPath(), "Sign out the device", "/account"));
        });
    }

    @Post(uri = "/devices/{id}/sign-out", consumes = MediaType.ALL)
    public HttpResponse<?> signOut(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
        return access.action(WebApp.ACCOUNT, request, body, (user, form) ->
                done(Notice.DEVICE_SIGNED_OUT, devices.signOut(user.userId(), id, RequestOrigin.ip(request))));
    }

    @Get("/sign-out-others")
    public HttpResponse<?> confirmSignOutOthers(HttpRequest<?> request) {
        return access.page(WebApp.ACCOUNT, request, user -> confirm(user, new Confirmation("Sign out all other devices?",
                "Every device but this browser is signed out and will have to sign in again. You stay signed in here.",
                List.of(new Confirmation.Detail("Other devices",
                        Long.toString(myDevices(user).stream().filter(d -> !d.current()).count()))),
                request.getPath(), "Sign out other devices", "/account")));
    }

    @Post(uri = "/sign-out-others", consumes = MediaType.ALL)
    public HttpResponse<?> signOutOthers(HttpRequest<?> request, @Nullable @Body String body) {
        return access.action(WebApp.ACCOUNT, request, body, (user, form) -> done(Notice.OTHERS_SIGNED_OUT,
                devices.signOutAllExcept(user.userId(), user.deviceId(), RequestOrigin.ip(request))));
    }

    @Get("/callback")
    public HttpResponse<?> callback(HttpRequest<?> request) {
        return signIn.callback(WebApp.ACCOUNT, request);
    }

    private List<DeviceView> myDevices(SignedIn user) {
        return devices.list(user.userId(), user.deviceId() == null ? null : user.deviceId().toString());
    }

    private static MutableHttpResponse<?> confirm(SignedIn user, Confirmation confirmation) {
        return PageResponse.ok("webapp/confirm", Map.of("user", user, "section", "account", "confirmation", confirmation));
    }

    private static MutableHttpResponse<?> done(Notice notice, DeviceSignOut.Result result) {
        return HttpResponse.seeOther(URI.create("/account" + notice.query(result.propagated())));
    }
}
