/**
 * The local revocation view ({@link dev.tessera.resource.revocation.RevocationView}): a snapshot of the
 * auth server's denylist and revoked-before marks at start, then every event of its revocation stream
 * as it arrives ({@link dev.tessera.resource.revocation.RevocationFeed}; the encoding is
 * {@link dev.tessera.contract.revocation.RevocationWire}, described in docs/revocation.md). Requests
 * consult only this view. When the feed has been silent longer than the staleness bound the replica
 * fails closed (503), or open if configured.
 */
package dev.tessera.resource.revocation;
