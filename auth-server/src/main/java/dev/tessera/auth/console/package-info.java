/**
 * The admin console ({@code /console}), for tokens with the admin role and scope: the dashboard with
 * its live chart ({@link dev.tessera.auth.console.RateChart}, SVG drawn on the server), users and their
 * devices, the audit log, clients and signing keys. Every action goes through the services of the admin
 * API ({@link dev.tessera.auth.admin.UserAdministration}, {@link dev.tessera.auth.keys.KeyRotation}),
 * behind a confirmation page and a CSRF-protected POST.
 */
package dev.tessera.auth.console;
