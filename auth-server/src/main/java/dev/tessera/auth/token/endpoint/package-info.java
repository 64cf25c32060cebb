/**
 * The token endpoint (RFC 6749 §3.2, §5): {@link dev.tessera.auth.token.endpoint.TokenController}
 * serves {@code POST /oauth/token} and its {@code POST /refresh} alias, authenticates the client, and
 * dispatches by grant_type to {@link dev.tessera.auth.token.grant.Grant}s.
 */
package dev.tessera.auth.token.endpoint;
