/**
 * SSO browser sessions: {@link dev.tessera.auth.sso.session.SsoSessionStore} (Redis, idle and absolute
 * timeouts), their cookies ({@link dev.tessera.auth.sso.session.SsoCookies}) and settings
 * ({@link dev.tessera.auth.sso.session.SsoProperties}).
 */
package dev.tessera.auth.sso.session;
