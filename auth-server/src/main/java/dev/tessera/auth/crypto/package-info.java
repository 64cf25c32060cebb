/**
 * Hashing primitives: argon2id for passwords and client secrets (OWASP minimum m=19 MiB, t=2,
 * p=1, or stronger), SHA-256 for refresh tokens, constant-time comparison everywhere.
 */
package dev.tessera.auth.crypto;
