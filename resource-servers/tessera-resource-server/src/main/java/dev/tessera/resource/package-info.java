/**
 * Accept Tessera access tokens in any Micronaut service, with no call home per request: add this
 * jar, set {@code tessera.resource-server.issuer}, and {@code @Secured} works with the token's roles
 * and scopes ({@code scope:<name>}). Revoked tokens are refused from a local view of the revocation
 * stream; see {@link dev.tessera.resource.revocation}.
 */
package dev.tessera.resource;
