/**
 * Signing keys (RFC 7517 JWK, RFC 7518 algorithms): persisted in PostgreSQL so a restart keeps
 * them, rotated without downtime, retired keys published in the JWKS until their tokens expire.
 * Access tokens use the configured algorithm (ES256 by default), ID tokens RS256 (OIDC Core §15.1);
 * signers and verifiers compute through the native provider where it loads.
 * The server's own secrets: {@link dev.tessera.auth.keys.ServerKeys} derives them from
 * {@code tessera.keys.encryption-key}; {@link dev.tessera.auth.keys.SealedValues} seals what the auth
 * server leaves in Redis or in the browser, so nobody else can write it.
 */
package dev.tessera.auth.keys;
