/**
 * One JWT verifier core from Nimbus parts ({@code DefaultJWTProcessor}, a pinned
 * {@code JWSKeySelector} over a JWK source, {@code DefaultJWTClaimsVerifier}, a {@code typ} verifier):
 * {@link dev.tessera.contract.jwt.JwtVerifier}, and on it {@link dev.tessera.contract.jwt.AccessTokens}
 * for RFC 9068 access tokens. RFC 8725 §3.1: the algorithm comes from the key, never the token.
 */
package dev.tessera.contract.jwt;
