package dev.tessera.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** {@code GET /metrics}: the Prometheus text exposition of every meter, for any app that has the registry. */
@Controller
@Requires(classes = {PrometheusMeterRegistry.class, Secured.class})
@Requires(beans = PrometheusMeterRegistry.class)
@Secured(SecurityRule.IS_ANONYMOUS)
public class PrometheusController {

    private final PrometheusMeterRegistry registry;

    public PrometheusController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get("/metrics")
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        return registry.scrape();
    }
}
