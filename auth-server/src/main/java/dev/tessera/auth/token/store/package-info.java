/**
 * Refresh token families and their rotation (RFC 9700 §4.14.2): every use rotates the token; a
 * rotated token used again within the grace window gets its one successor again, after it the whole family is
 * revoked. Tokens are keyed by SHA-256 hash; the raw value is never stored.
 */
package dev.tessera.auth.token.store;
