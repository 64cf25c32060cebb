/**
 * OIDC RP-Initiated Logout 1.0 ({@link dev.tessera.auth.sso.logout.LogoutController}, hints read by
 * {@link dev.tessera.auth.sso.logout.IdTokenHints}); the sign-out itself is
 * {@link dev.tessera.auth.device.DeviceSignOut}.
 */
package dev.tessera.auth.sso.logout;
