/**
 * Administration (role {@code admin}): users and their devices, kicks, revocation by jti and per
 * user, the audit log, and live statistics.
 */
package dev.tessera.auth.admin;
