package dev.tessera.auth.protocol;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * How the auth server sits behind its proxy.
 *
 * @param trustedProxies addresses or networks (CIDR) of the proxies in front, whose {@code X-Forwarded-For}
 *                       and {@code X-Forwarded-Proto} are believed; nobody by default (dev: 127.0.0.1, nginx)
 * @param requireHttps   production: the issuer must be an https URL (RFC 8414 §2) and every cookie is
 *                       {@code Secure}; only the dev and test profiles turn it off
 */
@ConfigurationProperties("tessera.http")
public record EdgeProperties(
        @Bindable(defaultValue = "") List<String> trustedProxies,
        @Bindable(defaultValue = "true") boolean requireHttps) {
}
