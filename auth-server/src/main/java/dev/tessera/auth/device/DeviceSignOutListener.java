package dev.tessera.auth.device;

import java.util.List;

/** Told after devices were signed out and the revocation committed (e.g. to end their SSO sessions). */
public interface DeviceSignOutListener {

    void signedOut(List<Device> devices, KickReason reason);
}
