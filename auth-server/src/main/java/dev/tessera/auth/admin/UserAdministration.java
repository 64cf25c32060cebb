package dev.tessera.auth.admin;

import dev.tessera.auth.device.Device;
import dev.tessera.auth.device.DeviceSignOut;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.device.KickReason;
import dev.tessera.auth.error.ApiException;
import dev.tessera.auth.support.Ids;
import dev.tessera.auth.user.User;
import dev.tessera.auth.user.UserStore;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What an administrator does to users: find them, see their devices, sign devices out. The admin API
 * ({@link AdminUsersController}) and the console both act through here; signing out itself belongs to
 * {@link DeviceSignOut}. Unknown ids and another user's device are 404s, malformed ids 400s.
 */
@Singleton
public class UserAdministration {

    static final int MAX_QUERY = 100;

    private final UserStore users;
    private final DeviceStore devices;
    private final DeviceSignOut signOut;

    public UserAdministration(UserStore users, DeviceStore devices, DeviceSignOut signOut) {
        this.users = users;
        this.devices = devices;
        this.signOut = signOut;
    }

    /** Users whose username, name or email contains {@code query} (every user when blank), by username. */
    public List<User> search(String query, Page paging) {
        if (query != null && query.length() > MAX_QUERY) {
            throw ApiException.badRequest("q is longer than " + MAX_QUERY + " characters");
        }
        return users.search(query == null || query.isBlank() ? null : query.strip(), paging.size(), paging.offset());
    }

    /** The user with this id, or a 404. */
    public User user(String id) {
        return users.findById(Ids.uuid(id, "user id")).orElseThrow(() -> ApiException.notFound("no such user"));
    }

    /** The user named by an id or a username (what a person types into a filter), if any. */
    public Optional<User> lookup(String idOrUsername) {
        try {
            return users.findById(UUID.fromString(idOrUsername));
        } catch (IllegalArgumentException notAnId) {
            return idOrUsername.length() > MAX_QUERY ? Optional.empty() : users.findByUsername(idOrUsername);
        }
    }

    /** The user's devices that are still signed in. */
    public List<Device> devices(User user) {
        return devices.activeDevices(user.id(), null);
    }

    /** Signs out one of the user's active devices. */
    public DeviceSignOut.Result signOutDevice(User user, String deviceId, String actor, String ip) {
        UUID id = Ids.uuid(deviceId, "device id");
        Device target = devices.findById(id).filter(d -> d.userId().equals(user.id()) && d.active())
                .orElseThrow(() -> ApiException.notFound("no such device for this user"));
        return signOut.signOut(List.of(target), KickReason.ADMIN_KICK, actor, ip);
    }

    /** Signs out every device of the user. */
    public DeviceSignOut.Result signOutEverywhere(User user, String actor, String ip) {
        return signOut.signOut(signOut.devicesExcept(user.id(), null), KickReason.ADMIN_KICK, actor, ip);
    }

    /** Everything issued to this user until now stops working: devices signed out, live access tokens denied. */
    public DeviceSignOut.Result revokeEverythingBefore(User user, String actor, String ip) {
        return signOut.signOutEverythingBefore(user.id(), actor, ip);
    }
}
