/**
 * Revocations as every party sees them: {@link dev.tessera.contract.revocation.RevocationEvent},
 * its Redis encoding {@link dev.tessera.contract.revocation.RevocationWire} (the only source file
 * that spells the key prefix, stream name and field names), and
 * {@link dev.tessera.contract.revocation.RevocationRule}, the rule that a mark covers tokens issued at
 * or before it. docs/revocation.md describes the format; RFC 7009 is why it exists.
 */
package dev.tessera.contract.revocation;
