/**
 * {@code POST /oauth/revoke} (RFC 7009): {@link dev.tessera.auth.revocation.endpoint.RevocationController}.
 * An access token is denied by jti; a refresh token goes to
 * {@link dev.tessera.auth.device.DeviceSignOut#revokeFamily}.
 */
package dev.tessera.auth.revocation.endpoint;
