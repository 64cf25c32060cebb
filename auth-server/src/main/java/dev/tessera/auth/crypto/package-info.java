/**
 * Hashing primitives and the native implementations behind them: argon2id for passwords and client
 * secrets (RFC 9106; OWASP minimum m=19 MiB, t=2, p=1, or stronger) computed by the system's libargon2
 * or, where it is absent, BouncyCastle (the same bytes); SHA-256 for refresh tokens; constant-time
 * comparison everywhere; the choice of JCA provider for JWT signatures ({@code CryptoFactory}); AES-256-GCM
 * and HMAC-SHA256 for what is sealed are {@link dev.tessera.contract.crypto.Aead}, shared with the web clients.
 */
package dev.tessera.auth.crypto;
