/**
 * The local revocation view: a snapshot of the auth server's denylist and revoked-before marks at
 * start, then every event of the stream {@code tessera:revocations} as it arrives (see the auth
 * server's docs/revocation.md for the format). Requests consult only this view. When the feed has
 * been silent longer than the staleness bound the replica fails closed (503), or open if configured.
 */
package dev.tessera.resource.revocation;
