/**
 * The token endpoint (RFC 6749 §3.2, §5): {@code POST /oauth/token} and its {@code POST /refresh}
 * alias parse the request at the edge, authenticate the client, and dispatch by grant_type.
 */
package dev.tessera.auth.token;
