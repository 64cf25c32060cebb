/**
 * Single sign-on (OpenID Connect Core, RFC 6749 §4.1, RFC 7636, RFC 9700 §2.1): the authorization
 * endpoint, the CSRF-protected login page, browser sessions in Redis (a device in the registry),
 * RP-initiated logout and back-channel logout with retries.
 */
package dev.tessera.auth.sso;
