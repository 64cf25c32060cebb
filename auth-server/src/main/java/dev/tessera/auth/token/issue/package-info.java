/**
 * Makes and checks tokens: RFC 9068 JWT access tokens ({@code typ at+jwt}, or {@code JWT} for clients
 * registered for it) signed with the active key, and opaque 256-bit refresh tokens that are stored only as SHA-256.
 */
package dev.tessera.auth.token.issue;
