package dev.tessera.auth.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where devices live. */
public interface DeviceStore {

    /**
     * Registers the device of a new login. With an external id that already names a live device
     * of this user and client, that device is revoked (reason {@code replaced}) and a new one takes its place.
     *
     * @return the new device and, if one was replaced, its id
     */
    Registration register(UUID userId, String clientId, DeviceDescriptor descriptor, Instant now);

    Optional<Device> findById(UUID id);

    /**
     * The device, its row locked until the caller's transaction ends. Issuing tokens for a device and
     * signing it out both take this lock before anything else (then the refresh families): a sign-out
     * waits for a grant in flight and then revokes what it issued, and a grant after a sign-out sees the
     * device revoked.
     */
    Optional<Device> lock(UUID id);

    /** The user's devices that are still signed in, newest first; {@code clientId} null means every client. */
    List<Device> activeDevices(UUID userId, String clientId);

    /** Records activity; implementations may skip writes that would change little. */
    void touch(UUID id, Instant now);

    /** Marks the device signed out; false when it already was. */
    boolean revoke(UUID id, String reason, Instant now);

    /** A registered device and the one it replaced, if any. */
    record Registration(Device device, Optional<UUID> replaced) {
    }
}
