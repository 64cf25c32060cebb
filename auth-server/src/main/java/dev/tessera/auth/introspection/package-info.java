/** {@code POST /oauth/introspect} (RFC 7662) for authenticated confidential clients; reflects revocation. */
package dev.tessera.auth.introspection;
