/**
 * Revocation that reaches everyone (RFC 7009, RFC 9700 §4.14.2): revocations are written to
 * PostgreSQL first (outbox, same transaction as the change), then relayed to Redis as denylist
 * entries, revoked-before marks and events on the stream {@code tessera:revocations}, which
 * resource servers tail. If Redis is down the relay retries until it is back.
 */
package dev.tessera.auth.revocation;
