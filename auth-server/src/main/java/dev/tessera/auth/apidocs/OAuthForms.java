package dev.tessera.auth.apidocs;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The form bodies of the OAuth endpoints as the OpenAPI description shows them. The endpoints parse
 * their forms themselves ({@link dev.tessera.auth.protocol.OAuthParameters}: repeated parameters and
 * oversized values are errors, RFC 6749 §3.1), so these records exist for the description only.
 */
public final class OAuthForms {

    private OAuthForms() {
    }

    /** {@code POST /oauth/token} (RFC 6749 §4.1.3, §4.3.2, §4.4.2, §6). */
    @Schema(name = "TokenRequest", requiredProperties = {"grant_type"})
    public record TokenForm(
            @Schema(name = "grant_type", allowableValues = {"authorization_code", "password", "client_credentials",
                    "refresh_token"}) String grantType,
            @Schema(description = "authorization_code") String code,
            @Schema(name = "redirect_uri", description = "authorization_code, when the authorization request had one") String redirectUri,
            @Schema(name = "code_verifier", description = "authorization_code with PKCE (RFC 7636 §4.5)") String codeVerifier,
            @Schema(description = "password") String username,
            @Schema(description = "password") String password,
            @Schema(name = "refresh_token", description = "refresh_token") String refreshToken,
            @Schema(description = "space-separated; admin only for clients registered for it, asked explicitly, and users "
                    + "with the admin role") String scope,
            @Schema(name = "client_id", description = "public clients (no Authorization header)") String clientId,
            @Schema(name = "device_id", description = "password: the client's own id for this device") String deviceId,
            @Schema(name = "device_type", allowableValues = {"web", "mobile", "desktop", "cli", "service"}) String deviceType,
            @Schema(name = "device_name", description = "password: shown in the device lists") String deviceName) {
    }

    /** {@code POST /oauth/revoke} (RFC 7009 §2.1). */
    @Schema(name = "RevocationRequest", requiredProperties = {"token"})
    public record RevocationForm(
            String token,
            @Schema(name = "token_type_hint", allowableValues = {"refresh_token", "access_token"}) String tokenTypeHint) {
    }

    /** {@code POST /oauth/introspect} (RFC 7662 §2.1). */
    @Schema(name = "IntrospectionRequest", requiredProperties = {"token"})
    public record IntrospectionForm(
            String token,
            @Schema(name = "token_type_hint", allowableValues = {"refresh_token", "access_token"}) String tokenTypeHint) {
    }

    /** RFC 7662 §2.2: {@code active} always; the rest only for an active token. */
    @Schema(name = "IntrospectionResponse", requiredProperties = {"active"})
    public record IntrospectionAnswer(boolean active, String scope, @Schema(name = "client_id") String clientId,
                                      String username, @Schema(name = "token_type") String tokenType, Long exp, Long iat,
                                      String sub, String aud, String iss, String jti) {
    }
}
