/**
 * {@code POST /oauth/introspect} (RFC 7662) for authenticated confidential clients, each about its own tokens
 * and, as a resource server, about the access tokens for its audiences (§4); reflects revocation.
 */
package dev.tessera.auth.introspection;
