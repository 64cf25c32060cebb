/**
 * Bearer authentication for the auth server's own protected endpoints (RFC 6750): Tessera access
 * tokens, checked against the signing keys and the denylist, become micronaut-security
 * authentications whose roles come from the {@code roles} claim, plus the admin authority of
 * {@link dev.tessera.auth.security.AdminAuthority} for tokens with the {@code admin} role and scope.
 */
package dev.tessera.auth.security;
