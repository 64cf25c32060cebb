/**
 * Signing keys (RFC 7517 JWK, RFC 7518 algorithms): persisted in PostgreSQL so a restart keeps
 * them, rotated without downtime, retired keys published in the JWKS until their tokens expire.
 * Access tokens use the configured algorithm (ES256 by default), ID tokens RS256 (OIDC Core §15.1);
 * signers and verifiers compute through the native provider where it loads.
 */
package dev.tessera.auth.keys;
