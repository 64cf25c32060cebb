package dev.tessera.auth.sso.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * Single sign-on settings.
 *
 * @param cookieName      the SSO session cookie (its own name: cookies are shared across ports of one host)
 * @param idleTimeout     an SSO session unused this long ends
 * @param absoluteTimeout an SSO session ends this long after login
 * @param codeTtl         authorization codes are single-use and live this long
 * @param loginTtl        how long a login page stays usable for its pending authorization request
 */
@ConfigurationProperties("tessera.sso")
public record SsoProperties(
        @Bindable(defaultValue = "tessera_sso") @NotBlank String cookieName,
        @Bindable(defaultValue = "30m") Duration idleTimeout,
        @Bindable(defaultValue = "10h") Duration absoluteTimeout,
        @Bindable(defaultValue = "60s") Duration codeTtl,
        @Bindable(defaultValue = "10m") Duration loginTtl) {

    /** The client id of the SSO itself, whose browser sessions are devices. */
    public static final String SSO_CLIENT_ID = "tessera";
}
