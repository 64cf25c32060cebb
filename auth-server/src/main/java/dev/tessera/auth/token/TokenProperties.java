package dev.tessera.auth.token;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * Token lifetimes and identity.
 *
 * @param issuer             {@code iss} of every token and the metadata's issuer (no default outside dev)
 * @param audience           {@code aud} of access tokens; resource servers require it
 * @param accessTokenTtl     access token lifetime
 * @param refreshIdleTtl     a family unused this long expires
 * @param refreshAbsoluteTtl a family expires this long after its login, used or not
 * @param reuseGraceWindow   a rotated refresh token presented again within this window gets its successor again
 *                           instead of revoking the family (lost responses, two tabs)
 * @param clockSkew          leeway for exp/nbf checks
 */
@ConfigurationProperties("tessera.tokens")
public record TokenProperties(
        @NotBlank String issuer,
        @Bindable(defaultValue = "tessera-api") @NotBlank String audience,
        @Bindable(defaultValue = "5m") Duration accessTokenTtl,
        @Bindable(defaultValue = "7d") Duration refreshIdleTtl,
        @Bindable(defaultValue = "30d") Duration refreshAbsoluteTtl,
        @Bindable(defaultValue = "10s") Duration reuseGraceWindow,
        @Bindable(defaultValue = "30s") Duration clockSkew) {
}
