/**
 * The device registry: every refresh family (and later every SSO browser session) is a device a
 * user can see and sign out. Last-seen times are written at most once a minute per device.
 */
package dev.tessera.auth.device;
