/**
 * User accounts: argon2id password hashes and the login throttle that slows down guessing (per
 * account and per IP, RFC 6819 §4.4.3.6 / §5.1.4.2.3).
 */
package dev.tessera.auth.user;
