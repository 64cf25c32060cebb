/**
 * Signing keys (RFC 7517 JWK, RFC 7518 algorithms): persisted in PostgreSQL so a restart keeps
 * them, rotated without downtime, retired keys published in the JWKS until their tokens expire.
 */
package dev.tessera.auth.keys;
