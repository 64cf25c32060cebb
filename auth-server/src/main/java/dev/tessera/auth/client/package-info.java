/**
 * Registered OAuth clients (RFC 6749 §2) and their authentication (§2.3): secrets are stored as
 * argon2id hashes and compared in constant time; failed authentications are throttled per address and
 * per client at an address before any secret is hashed ({@code ClientAuthThrottle}).
 */
package dev.tessera.auth.client;
