/**
 * {@code GET /oauth/authorize} (RFC 6749 §4.1.1, RFC 7636, RFC 9207):
 * {@link dev.tessera.auth.sso.authorize.AuthorizationRequest} validates,
 * {@link dev.tessera.auth.sso.authorize.AuthorizationFlow} issues single-use codes
 * ({@link dev.tessera.auth.sso.authorize.AuthorizationCodes}) to a signed-in browser, and
 * {@link dev.tessera.auth.sso.authorize.PendingLogins} keeps the request while the user logs in.
 */
package dev.tessera.auth.sso.authorize;
