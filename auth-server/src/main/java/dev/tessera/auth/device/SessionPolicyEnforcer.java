package dev.tessera.auth.device;

import dev.tessera.auth.client.Client;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Applies the client's (or the global) session policy when a new device signs in. */
@Singleton
public class SessionPolicyEnforcer {

    private final DeviceStore devices;
    private final DeviceSignOut signOut;
    private final DeviceProperties properties;

    public SessionPolicyEnforcer(DeviceStore devices, DeviceSignOut signOut, DeviceProperties properties) {
        this.devices = devices;
        this.signOut = signOut;
        this.properties = properties;
    }

    public SessionPolicy policyOf(Client client) {
        if (client.sessionPolicy() == null) {
            return properties.sessionPolicy();
        }
        return SessionPolicy.parse(client.sessionPolicy()).orElseThrow(() -> new IllegalStateException(
                "client " + client.id() + " has an unknown session policy " + client.sessionPolicy()));
    }

    /**
     * Within the login's transaction: signs out the user's other devices of this client that the
     * policy no longer allows, and returns them so the caller can {@link DeviceSignOut#afterCommit notify} after commit.
     */
    public List<Device> enforceInTransaction(Device newDevice, Client client, String ip, Instant now) {
        SessionPolicy policy = policyOf(client);
        List<Device> displaced = new ArrayList<>();
        if (policy == SessionPolicy.UNLIMITED) {
            return displaced;
        }
        for (Device existing : devices.activeDevices(newDevice.userId(), client.id())) {
            if (!existing.id().equals(newDevice.id()) && policy.displaces(existing.type(), newDevice.type())) {
                signOut.inTransaction(existing, KickReason.LOGIN_ELSEWHERE, "policy:" + policy.code(), ip, now);
                displaced.add(existing);
            }
        }
        return displaced;
    }
}
