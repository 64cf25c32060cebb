package dev.tessera.auth.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Size;

/**
 * Who may read {@code /metrics}.
 *
 * @param scrapeToken the bearer token Prometheus sends ({@code authorization: credentials:} in its scrape
 *                    config); none by default, and then nobody reads the metrics (dev: a dev value)
 */
@ConfigurationProperties("tessera.metrics")
public record MetricsProperties(@Nullable @Size(min = 16) String scrapeToken) {
}
