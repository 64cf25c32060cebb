/**
 * Hashing primitives: argon2id for passwords and client secrets (OWASP minimum m=19 MiB, t=2,
 * p=1, or stronger), SHA-256 for refresh tokens, constant-time comparison everywhere; AES-256-GCM
 * and HMAC-SHA256 ({@link dev.tessera.auth.crypto.Aead}) for what is sealed.
 */
package dev.tessera.auth.crypto;
