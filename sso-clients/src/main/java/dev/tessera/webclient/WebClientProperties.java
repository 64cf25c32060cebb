package dev.tessera.webclient;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;

/**
 * Who this web client is and how it keeps sessions.
 *
 * @param clientId       its registration at the auth server ({@code mail}, {@code docs})
 * @param clientSecret   its secret (no default outside the dev profile)
 * @param issuer         the auth server
 * @param publicUrl      where browsers reach this client when no trusted proxy says otherwise (redirect and
 *                       post-logout URIs derive from it)
 * @param title          shown on its pages
 * @param accent         its colour, so two clients are easy to tell apart
 * @param sessionStore   {@code redis} (shared by replicas) or {@code memory} (this replica only: the sticky scheme)
 * @param sessionTtl     sliding session lifetime
 * @param serverId       which replica answered
 * @param sessionCookie  the session cookie's name; default {@code <client>_session}. Two deployments of one
 *                       client on one host (the sticky and the redis scheme) need different names
 * @param route          this replica's route, prefixed to the ids it mints ({@code <route>.<random>}) so a
 *                       load balancer can send a session and a login's callback back to the replica that holds
 *                       them (the sticky scheme); none by default
 * @param trustedProxies addresses ({@code 127.0.0.1}) or networks ({@code 10.0.0.0/8}) whose
 *                       {@code X-Forwarded-*} headers are believed; nobody's by default
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
        @Bindable(defaultValue = "web-1") String serverId,
        @Nullable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String sessionCookie,
        @Nullable @Pattern(regexp = "[a-z0-9-]{1,16}") String route,
        @Nullable List<String> trustedProxies) {

    /** Cookies of one host are shared across ports: each client needs its own cookie name. */
    public String cookieName() {
        return sessionCookie == null ? clientId + "_session" : sessionCookie;
    }
}
