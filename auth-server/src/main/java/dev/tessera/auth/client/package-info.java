/**
 * Registered OAuth clients (RFC 6749 §2) and their authentication (§2.3): secrets are stored as
 * argon2id hashes and compared in constant time.
 */
package dev.tessera.auth.client;
