package dev.tessera.resource;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;

/**
 * What a resource server accepts.
 *
 * @param issuer                 the auth server's issuer; tokens must carry exactly this {@code iss}
 * @param jwksUri                where the keys are; defaults to {@code <issuer>/oauth/jwks}
 * @param audience               required in {@code aud}
 * @param algorithms             the JWS algorithms accepted, pinned here and never taken from a token;
 *                               the auth server signs access tokens with ES256 by default and can be
 *                               switched to RS256 (a rotation), so both are accepted by default
 * @param clockSkew              leeway on {@code exp} and {@code nbf}
 * @param jwksMinRefetchInterval at most one JWKS fetch per this interval for unknown {@code kid}s, so a
 *                               flood of forged kids cannot hammer the auth server
 * @param jwksRefreshInterval    regular JWKS refresh
 * @param verifiedTokenCacheSize tokens remembered as verified (signature and claims), so a client
 *                               reusing its token does not pay for the signature again; expiry and
 *                               revocation are still checked per request. 0 disables the cache
 */
@ConfigurationProperties("tessera.resource-server")
public record ResourceServerProperties(
        @NotBlank String issuer,
        @Nullable String jwksUri,
        @Bindable(defaultValue = "tessera-api") @NotBlank String audience,
        @Bindable(defaultValue = "ES256,RS256") @NotEmpty List<String> algorithms,
        @Bindable(defaultValue = "30s") Duration clockSkew,
        @Bindable(defaultValue = "10s") Duration jwksMinRefetchInterval,
        @Bindable(defaultValue = "5m") Duration jwksRefreshInterval,
        @Bindable(defaultValue = "10000") @jakarta.validation.constraints.Min(0) int verifiedTokenCacheSize) {

    public String effectiveJwksUri() {
        return jwksUri != null && !jwksUri.isBlank() ? jwksUri : issuer + "/oauth/jwks";
    }
}
