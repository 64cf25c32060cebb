/**
 * What the auth server and every party that verifies its tokens agree on, in plain Java with no
 * framework: {@link dev.tessera.contract.Claims} (claim names and token types, RFC 9068, OIDC),
 * {@link dev.tessera.contract.revocation} (revocation events, their Redis encoding and the mark rule)
 * and {@link dev.tessera.contract.jwt} (one JWT verifier core built from Nimbus parts).
 */
package dev.tessera.contract;
