package dev.tessera.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Who may read {@code /metrics}.
 *
 * @param scrapeToken the bearer token Prometheus sends ({@code authorization: credentials:} in its scrape
 *                    config); none by default, and then nobody reads the metrics (dev: a dev value)
 */
@ConfigurationProperties("tessera.metrics")
public record MetricsProperties(@Nullable String scrapeToken) {

    /** A guessable token would be no protection: at least 16 characters. */
    public MetricsProperties {
        if (scrapeToken != null && scrapeToken.length() < 16) {
            throw new IllegalArgumentException("tessera.metrics.scrape-token must have at least 16 characters");
        }
    }
}
