package dev.tessera.auth.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Where the example relying parties in {@code examples/} listen; their redirect URIs are registered
 * exactly (RFC 9700 §2.1), so moving one means telling the auth server too.
 *
 * @param springRpPort     the Spring Boot oauth2-client example
 * @param micronautRpPort  the micronaut-security-oauth2 example
 */
@ConfigurationProperties("tessera.demo-data")
public record DemoDataProperties(
        @Bindable(defaultValue = "8304") @Min(1) @Max(65535) int springRpPort,
        @Bindable(defaultValue = "8305") @Min(1) @Max(65535) int micronautRpPort) {
}
