package dev.tessera.auth.webapp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * Where browsers reach the auth server's own pages.
 *
 * @param publicUrls  the origins browsers use ({@code https://auth.example.com}), each without a path; the
 *                    console's and account page's redirect URIs are registered for each. Unset: the issuer's.
 * @param signInTtl   how long a sign-in started by the console or account page may take
 */
@ConfigurationProperties("tessera.web-apps")
public record WebAppProperties(
        @Nullable List<String> publicUrls,
        @Bindable(defaultValue = "10m") Duration signInTtl) {
}
