/**
 * The SSO login page ({@link dev.tessera.auth.sso.login.LoginController}): CSRF-protected form, a new
 * session id at every login (RFC 6819 §4.4.1.x session fixation), the browser registered as a device.
 */
package dev.tessera.auth.sso.login;
