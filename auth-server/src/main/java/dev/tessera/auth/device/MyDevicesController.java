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
import java.util.List;
import java.util.UUID;

/**
 * Self-service: a signed-in user lists their devices and signs some out. Another user's device is
 * answered exactly like a missing one (404), so ids cannot be probed.
 */
@Controller("/me/devices")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MyDevicesController {

    private final DeviceStore devices;
    private final DeviceSignOut signOut;

    public MyDevicesController(DeviceStore devices, DeviceSignOut signOut) {
        this.devices = devices;
        this.signOut = signOut;
    }

    @Get
    public List<DeviceView> list(Authentication caller) {
        String current = currentDevice(caller);
        return devices.activeDevices(userId(caller), null).stream().map(d -> DeviceView.of(d, current)).toList();
    }

    @Delete("/{id}")
    public KickResponse signOut(Authentication caller, @PathVariable String id, HttpRequest<?> request) {
        UUID deviceId = Ids.uuid(id, "device id");
        UUID userId = userId(caller);
        Device device = devices.findById(deviceId).filter(d -> d.userId().equals(userId) && d.active())
                .orElseThrow(() -> ApiException.notFound("no such device"));
        return KickResponse.of(signOut.signOut(List.of(device), KickReason.USER_KICK, "user:" + userId, RequestOrigin.ip(request)));
    }

    /** {@code ?except=current} signs out every other device; without it, every device including this one. */
    @Delete
    public KickResponse signOutAll(Authentication caller, @Nullable @QueryValue String except, HttpRequest<?> request) {
        if (except != null && !"current".equals(except)) {
            throw ApiException.badRequest("except must be 'current' or absent");
        }
        UUID userId = userId(caller);
        UUID keep = except == null ? null : Ids.uuid(currentDevice(caller), "the token's sid");
        return KickResponse.of(signOut.signOut(signOut.devicesExcept(userId, keep), KickReason.USER_KICK, "user:" + userId,
                RequestOrigin.ip(request)));
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
