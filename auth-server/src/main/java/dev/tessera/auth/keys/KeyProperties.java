package dev.tessera.auth.keys;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Signing key settings.
 *
 * @param algorithm      algorithm of access tokens; changing it rotates to a key of that algorithm at start-up.
 *                       ES256 by default: with the native provider it signs about 18 times faster than RS256,
 *                       which is most of a token request's CPU, and Tessera's verifiers check each token once
 *                       (docs/benchmarks/README.md, "Which access-token algorithm"); RS256 suits audiences of stock JDK
 *                       verifiers that check every request without a native provider
 * @param reloadInterval how often a replica re-reads the key table, to see rotations made by another replica
 * @param retiredPublishExtra how long past the access token lifetime a retired key stays in the JWKS
 * @param encryptionKey  base64 of 32 random bytes that encrypt the private keys at rest; no default
 *                       outside the dev profile (generate one with {@code openssl rand -base64 32})
 */
@ConfigurationProperties("tessera.keys")
public record KeyProperties(
        @Bindable(defaultValue = "ES256") @NotNull SigningAlgorithm algorithm,
        @Bindable(defaultValue = "30s") Duration reloadInterval,
        @Bindable(defaultValue = "5m") Duration retiredPublishExtra,
        @jakarta.validation.constraints.NotBlank String encryptionKey) {

    /**
     * ID tokens and logout tokens are always RS256, whatever signs access tokens: OIDC Core §15.1 says
     * OPs MUST support it, OIDC Discovery §3 that id_token_signing_alg_values_supported MUST include it,
     * and clients that registered no id_token_signed_response_alg expect it (§3.1.3.7).
     */
    public SigningAlgorithm idTokenAlgorithm() {
        return SigningAlgorithm.RS256;
    }
}
