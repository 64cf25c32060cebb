package dev.tessera.auth.device;

import java.util.List;

/**
 * The browser side of a sign-out, which {@link DeviceSignOut} calls after commit: ends the SSO
 * sessions of these devices and tells every client that took part (OIDC Back-Channel Logout).
 * Implemented by the SSO ({@code sso.backchannel.SsoSignOut}); an interface so that the device
 * registry does not depend on the SSO packages, which depend on it.
 */
public interface BrowserSignOut {

    void signedOut(List<Device> devices);
}
