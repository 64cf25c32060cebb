package dev.tessera.auth.token.grant;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.auth.token.TokenResponse;
import dev.tessera.auth.token.issue.AccessTokenIssuer;
import dev.tessera.auth.token.issue.AccessTokenRequest;
import dev.tessera.auth.token.issue.IssuedAccessToken;
import dev.tessera.auth.user.User;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** Builds the token response for a user on a device: a signed access token plus, optionally, a refresh token. */
@Singleton
public class UserTokens {

    /** 256 random bits (DESIGN §3). */
    static final int REFRESH_TOKEN_BYTES = 32;

    private final AccessTokenIssuer issuer;
    private final TokenProperties properties;

    public UserTokens(AccessTokenIssuer issuer, TokenProperties properties) {
        this.issuer = issuer;
        this.properties = properties;
    }

    public static String newRefreshToken() {
        return Hashes.randomToken(REFRESH_TOKEN_BYTES);
    }

    public TokenResponse respond(User user, Client client, Set<String> scope, UUID deviceId, String refreshToken) {
        IssuedAccessToken token = issuer.issue(new AccessTokenRequest(user.id().toString(), client.id(), scope,
                deviceId, user.username(), user.roles()));
        long expiresIn = Duration.between(token.issuedAt(), token.expiresAt()).toSeconds();
        return new TokenResponse(token.value(), "Bearer", expiresIn, refreshToken, Scopes.format(scope), null);
    }

    public TokenProperties properties() {
        return properties;
    }
}
