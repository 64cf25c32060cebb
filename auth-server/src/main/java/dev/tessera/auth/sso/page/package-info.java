/**
 * The few server-rendered pages of the SSO ({@link dev.tessera.auth.sso.page.Pages}): small, escaped,
 * no scripts, framing forbidden.
 */
package dev.tessera.auth.sso.page;
