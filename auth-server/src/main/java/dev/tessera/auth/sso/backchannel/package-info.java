/**
 * OIDC Back-Channel Logout 1.0: {@link dev.tessera.auth.sso.backchannel.SsoSignOut} (the
 * {@link dev.tessera.auth.device.BrowserSignOut} that {@link dev.tessera.auth.device.DeviceSignOut} calls)
 * ends the SSO session and queues logout tokens ({@link dev.tessera.auth.sso.backchannel.BackchannelDeliveries});
 * {@link dev.tessera.auth.sso.backchannel.BackchannelLogoutSender} posts them with retries.
 */
package dev.tessera.auth.sso.backchannel;
