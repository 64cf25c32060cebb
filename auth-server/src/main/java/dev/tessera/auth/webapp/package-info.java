/**
 * The auth server's own browser apps, the admin console and the account page, as OAuth clients of the
 * SSO (authorization code with PKCE, RFC 7636; state against login CSRF, RFC 6749 §10.12): their
 * registration ({@link dev.tessera.auth.webapp.WebAppRegistrations}), sign-in
 * ({@link dev.tessera.auth.webapp.WebAppSignIn}), sessions holding a verified access token
 * ({@link dev.tessera.auth.webapp.WebAppSessions}) and who may see and act
 * ({@link dev.tessera.auth.webapp.WebAppAccess}).
 */
package dev.tessera.auth.webapp;
