/**
 * The auth server's public keys (RFC 7517), fetched and cached; refetched on an unknown {@code kid}
 * at most once per interval.
 */
package dev.tessera.resource.jwks;
