package dev.tessera.auth.device;

import dev.tessera.auth.error.ApiException;
import dev.tessera.auth.protocol.RequestOrigin;
import dev.tessera.auth.support.Ids;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.UUID;

/**
 * Self-service over bearer tokens ({@link MyDevices}): a signed-in user lists their devices and signs
 * some out; "current" is the device of the presented token.
 */
@SecurityRequirement(name = "bearer")
@Controller("/me/devices")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MyDevicesController {

    private final MyDevices devices;

    public MyDevicesController(MyDevices devices) {
        this.devices = devices;
    }

    @Get
    public List<DeviceView> list(Authentication caller) {
        return devices.list(userId(caller), currentDevice(caller));
    }

    @Delete("/{id}")
    public KickResponse signOut(Authentication caller, @PathVariable String id, HttpRequest<?> request) {
        return KickResponse.of(devices.signOut(userId(caller), id, RequestOrigin.ip(request)));
    }

    /** {@code ?except=current} signs out every other device; without it, every device including this one. */
    @Delete
    public KickResponse signOutAll(Authentication caller, @Nullable @QueryValue String except, HttpRequest<?> request) {
        if (except != null && !"current".equals(except)) {
            throw ApiException.badRequest("except must be 'current' or absent");
        }
        UUID keep = except == null ? null : Ids.uuid(currentDevice(caller), "the token's sid");
        return KickResponse.of(devices.signOutAllExcept(userId(caller), keep, RequestOrigin.ip(request)));
    }

    private static UUID userId(Authentication caller) {
        try {
            return UUID.fromString(caller.getName());
        } catch (IllegalArgumentException e) {
            throw ApiException.forbidden("only user tokens have devices");
        }
    }

    private static String currentDevice(Authentication caller) {
        Object sid = caller.getAttributes().get("sid");
        return sid == null ? null : sid.toString();
    }
}
