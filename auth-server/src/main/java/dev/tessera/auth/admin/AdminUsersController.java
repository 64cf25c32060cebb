package dev.tessera.auth.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tessera.auth.device.DeviceView;
import dev.tessera.auth.device.KickResponse;
import dev.tessera.auth.protocol.RequestOrigin;
import dev.tessera.auth.security.AdminAuthority;
import dev.tessera.auth.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Users, their devices, and signing them out. */
@SecurityRequirement(name = "bearer")
@Controller("/admin/users")
@Secured(AdminAuthority.NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminUsersController {

    private final UserAdministration users;

    public AdminUsersController(UserAdministration users) {
        this.users = users;
    }

    @Get
    public UserPage search(@Nullable @QueryValue String q, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        Page paging = Page.of(page, size);
        return new UserPage(users.search(q, paging).stream().map(UserView::of).toList(), paging.page(), paging.size());
    }

    @Get("/{id}/devices")
    public List<DeviceView> devices(@PathVariable String id) {
        return users.devices(users.user(id)).stream().map(d -> DeviceView.of(d, null)).toList();
    }

    @Delete("/{id}/devices/{deviceId}")
    public KickResponse kick(@PathVariable String id, @PathVariable String deviceId, Authentication admin,
                             HttpRequest<?> request) {
        return KickResponse.of(users.signOutDevice(users.user(id), deviceId, actor(admin), RequestOrigin.ip(request)));
    }

    @Delete("/{id}/devices")
    public KickResponse kickAll(@PathVariable String id, Authentication admin, HttpRequest<?> request) {
        return KickResponse.of(users.signOutEverywhere(users.user(id), actor(admin), RequestOrigin.ip(request)));
    }

    /** Everything issued to this user until now stops working: devices signed out, live access tokens denied. */
    @Post("/{id}/revoke-before")
    public KickResponse revokeBefore(@PathVariable String id, Authentication admin, HttpRequest<?> request) {
        return KickResponse.of(users.revokeEverythingBefore(users.user(id), actor(admin), RequestOrigin.ip(request)));
    }

    private static String actor(Authentication admin) {
        return "user:" + admin.getName();
    }

    /** A user as the admin API shows it (never the password hash). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // empty lists and nulls are answers too
    public record UserView(
            @JsonProperty("id") UUID id,
            @JsonProperty("username") String username,
            @JsonProperty("display_name") String displayName,
            @JsonProperty("email") String email,
            @JsonProperty("roles") Set<String> roles,
            @JsonProperty("disabled") boolean disabled) {

        public static UserView of(User user) {
            return new UserView(user.id(), user.username(), user.displayName(), user.email(), user.roles(), user.disabled());
        }
    }

    /** One page of users. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // empty lists and nulls are answers too
    public record UserPage(List<UserView> users, int page, int size) {
    }
}
