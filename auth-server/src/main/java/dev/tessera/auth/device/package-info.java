/**
 * The device registry: every refresh family and every SSO browser session is a device a user can see
 * and sign out ({@link dev.tessera.auth.device.MyDevicesController}). Signing a device out has one owner,
 * {@link dev.tessera.auth.device.DeviceSignOut}, whoever asks (admin, user, session policy, RFC 9700
 * §4.14.2 reuse detection, logout, RFC 7009). Last-seen times are written at most once a minute per device.
 */
package dev.tessera.auth.device;
