/**
 * The OpenID Connect relying-party side: authorization requests with PKCE, the token endpoint, and
 * verification of ID tokens and logout tokens with Nimbus's JWT processor against the issuer's JWKS.
 */
package dev.tessera.webclient.oidc;
