/**
 * User accounts: argon2id password hashes, the login throttle that slows down guessing (per account
 * and per IP, RFC 6819 §4.4.3.6 / §5.1.4.2.3), and OIDC Core §5.3 UserInfo
 * ({@link dev.tessera.auth.user.UserInfoController}).
 */
package dev.tessera.auth.user;
