/**
 * HTTP pieces shared by every Tessera Micronaut app (auth server, resource servers, web clients):
 * {@link dev.tessera.web.Redirects} (302, RFC 6749 §4.1.2), {@link dev.tessera.web.BearerChallengeHandler}
 * (RFC 6750 §3) and {@link dev.tessera.web.PrometheusController} ({@code /metrics}, readable only with the
 * scrape token: {@link dev.tessera.web.MetricsAccess}). Beans that need
 * micronaut-security or the Prometheus registry require those classes, so apps without them skip them.
 */
package dev.tessera.web;
