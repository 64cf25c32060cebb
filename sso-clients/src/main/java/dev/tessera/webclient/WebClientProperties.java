package dev.tessera.webclient;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * Who this web client is and how it keeps sessions.
 *
 * @param clientId     its registration at the auth server ({@code mail}, {@code docs})
 * @param clientSecret its secret (no default outside the dev profile)
 * @param issuer       the auth server
 * @param publicUrl    where browsers reach this client (redirect and post-logout URIs derive from it)
 * @param title        shown on its pages
 * @param accent       its colour, so two clients are easy to tell apart
 * @param sessionStore {@code redis} (shared by replicas) or {@code memory} (this replica only: the sticky scheme)
 * @param sessionTtl   sliding session lifetime
 * @param serverId     which replica answered
 */
@ConfigurationProperties("tessera.web-client")
public record WebClientProperties(
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        @NotBlank String issuer,
        @NotBlank String publicUrl,
        @Bindable(defaultValue = "Tessera app") String title,
        @Bindable(defaultValue = "#3454d1") @Pattern(regexp = "#[0-9a-fA-F]{6}") String accent,
        @Bindable(defaultValue = "redis") @Pattern(regexp = "redis|memory") String sessionStore,
        @Bindable(defaultValue = "30m") Duration sessionTtl,
        @Bindable(defaultValue = "web-1") String serverId) {

    /** Cookies of one host are shared across ports: each client needs its own cookie name. */
    public String cookieName() {
        return clientId + "_session";
    }

    public String redirectUri() {
        return publicUrl + "/callback";
    }
}
