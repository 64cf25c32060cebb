/**
 * HTTP behaviour of a resource server: RFC 6750 challenges, the fail-closed guard while the
 * revocation feed is stale, and the health indicator that says which state the replica is in.
 */
package dev.tessera.resource.web;
