/**
 * Single sign-on (OpenID Connect Core, RFC 6749 §4.1, RFC 7636, RFC 9700 §2.1), one package per part:
 * {@link dev.tessera.auth.sso.authorize} (the authorization endpoint and codes),
 * {@link dev.tessera.auth.sso.login} (the CSRF-protected login page), {@link dev.tessera.auth.sso.session}
 * (browser sessions in Redis and their cookies), {@link dev.tessera.auth.sso.logout} (RP-initiated logout),
 * {@link dev.tessera.auth.sso.backchannel} (back-channel logout with retries) and
 * {@link dev.tessera.auth.sso.page} (the pages they render). docs/architecture.md shows who calls whom.
 */
package dev.tessera.auth.sso;
