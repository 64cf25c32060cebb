/**
 * Revocation that reaches everyone (RFC 7009, RFC 9700 §4.14.2): {@link dev.tessera.auth.revocation.RevocationService}
 * writes revocations to PostgreSQL first ({@link dev.tessera.auth.revocation.RevocationOutbox}, same
 * transaction as the change), then {@link dev.tessera.auth.revocation.RevocationRelay} moves them to Redis
 * ({@link dev.tessera.auth.revocation.RedisDenylist}) in the shared encoding
 * ({@link dev.tessera.contract.revocation.RevocationWire}, docs/revocation.md), which verifiers tail. If
 * Redis is down the relay retries until it is back. Signing a device out is
 * {@link dev.tessera.auth.device.DeviceSignOut}, which calls in here.
 */
package dev.tessera.auth.revocation;
