/**
 * The SSO's server-rendered pages ({@link dev.tessera.auth.sso.page.Pages}): the login form, the
 * sign-out confirmation and messages, as JTE templates (src/main/jte/sso) with no scripts.
 */
package dev.tessera.auth.sso.page;
