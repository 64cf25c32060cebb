package dev.tessera.auth.token.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tessera.auth.scope.Scopes;
import dev.tessera.auth.token.issue.IssuedAccessToken;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.util.Set;

/** RFC 6749 §5.1 successful token response. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("scope") String scope,
        @JsonProperty("id_token") String idToken) {

    /** A bearer response for this access token; {@code refreshToken} and {@code idToken} may be null. */
    public static TokenResponse bearer(IssuedAccessToken token, String refreshToken, Set<String> scope, String idToken) {
        long expiresIn = Duration.between(token.issuedAt(), token.expiresAt()).toSeconds();
        return new TokenResponse(token.value(), "Bearer", expiresIn, refreshToken, Scopes.format(scope),
                idToken);
    }
}
