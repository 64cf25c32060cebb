/**
 * Administration, for tokens with the {@code admin} role and the {@code admin} scope
 * ({@link dev.tessera.auth.security.AdminAuthority}): users and their devices, kicks, revocation by jti
 * and per user, the audit log, live statistics and key rotation. The services here
 * ({@link dev.tessera.auth.admin.UserAdministration}, {@link dev.tessera.auth.admin.AdminStats},
 * {@link dev.tessera.auth.admin.AuditSearch}) serve both the JSON API and the console.
 */
package dev.tessera.auth.admin;
