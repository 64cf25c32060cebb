package dev.tessera.auth.device;

import dev.tessera.auth.error.ApiException;
import dev.tessera.auth.support.Ids;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/**
 * Self-service: a user's own devices, and signing some of them out. The JSON API ({@link
 * MyDevicesController}) and the account page act through here. Another user's device is answered
 * exactly like a missing one (404), so ids cannot be probed.
 */
@Singleton
public class MyDevices {

    private final DeviceStore devices;
    private final DeviceSignOut signOut;

    public MyDevices(DeviceStore devices, DeviceSignOut signOut) {
        this.devices = devices;
        this.signOut = signOut;
    }

    /** The user's signed-in devices; {@code current} (may be null) is marked as the one asking. */
    public List<DeviceView> list(UUID userId, String current) {
        return devices.activeDevices(userId, null).stream().map(d -> DeviceView.of(d, current)).toList();
    }

    /** Signs out one of the user's own active devices. */
    public DeviceSignOut.Result signOut(UUID userId, String deviceId, String ip) {
        UUID id = Ids.uuid(deviceId, "device id");
        Device device = devices.findById(id).filter(d -> d.userId().equals(userId) && d.active())
                .orElseThrow(() -> ApiException.notFound("no such device"));
        return signOut.signOut(List.of(device), KickReason.USER_KICK, "user:" + userId, ip);
    }

    /** Signs out every device of the user except {@code keep} (null: every device, this one too). */
    public DeviceSignOut.Result signOutAllExcept(UUID userId, UUID keep, String ip) {
        return signOut.signOut(signOut.devicesExcept(userId, keep), KickReason.USER_KICK, "user:" + userId, ip);
    }
}
