/** The append-only audit trail in PostgreSQL: logins, failures, rotations, reuse, revocations. */
package dev.tessera.auth.audit;
