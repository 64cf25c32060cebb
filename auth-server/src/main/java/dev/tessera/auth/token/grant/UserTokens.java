package dev.tessera.auth.token.grant;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.scope.Scopes;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.auth.token.issue.AccessTokenIssuer;
import dev.tessera.auth.token.issue.AccessTokenRequest;
import dev.tessera.auth.token.issue.IssuedAccessToken;
import dev.tessera.auth.token.store.RefreshFamily;
import dev.tessera.auth.token.store.RefreshTokenStore;
import dev.tessera.auth.token.store.RotationPolicy;
import dev.tessera.auth.user.User;
import dev.tessera.auth.user.UserStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Builds the token response for a user on a device: a signed access token plus, optionally, a refresh token. */
@Singleton
public class UserTokens {

    /** 256 random bits (docs/token-lifecycle.md; RFC 6749 §10.10 asks for tokens hard to guess). */
    static final int REFRESH_TOKEN_BYTES = 32;

    private final AccessTokenIssuer issuer;
    private final TokenProperties properties;
    private final RefreshTokenStore refreshTokens;
    private final RotationPolicy rotation;
    private final UserStore users;
    private final DeviceStore devices;

    public UserTokens(AccessTokenIssuer issuer, TokenProperties properties, RefreshTokenStore refreshTokens,
                      RotationPolicy rotation, UserStore users, DeviceStore devices) {
        this.issuer = issuer;
        this.properties = properties;
        this.refreshTokens = refreshTokens;
        this.rotation = rotation;
        this.users = users;
        this.devices = devices;
    }

    public static String newRefreshToken() {
        return Hashes.randomToken(REFRESH_TOKEN_BYTES);
    }

    public TokenResponse respond(User user, Client client, Set<String> scope, UUID deviceId, String refreshToken) {
        return TokenResponse.bearer(issueAccess(user, client, scope, deviceId), refreshToken, scope, null);
    }

    /**
     * The response to a rotation: the family's user must still be enabled; the device's last-seen time
     * moves on (throttled by the store).
     */
    public TokenResponse refreshed(RefreshFamily family, Client client, Set<String> scope, String successor, Instant now) {
        User user = users.findById(family.userId()).filter(u -> !u.disabled())
                .orElseThrow(() -> OAuthException.invalidGrant("the account is disabled"));
        devices.touch(family.deviceId(), now);
        return respond(user, client, scope, family.deviceId(), successor);
    }

    /** The user's access token on this device, for callers that need its jti and expiry as well. */
    public IssuedAccessToken issueAccess(User user, Client client, Set<String> scope, UUID deviceId) {
        return issuer.issue(new AccessTokenRequest(user.id().toString(), client.id(), scope, deviceId, user.username(),
                user.roles(), client.accessTokenType()));
    }

    /**
     * Starts the refresh family of a new login on a device (joins the caller's transaction). Its first
     * token lives like every successor: the idle lifetime, never past the family's absolute end.
     */
    public StartedFamily startFamily(UUID userId, String clientId, UUID deviceId, Set<String> scope, Instant now) {
        String refreshToken = newRefreshToken();
        RefreshFamily family = new RefreshFamily(UUID.randomUUID(), userId, clientId, deviceId, Scopes.format(scope), now,
                now, now.plus(properties.refreshAbsoluteTtl()), null, null);
        refreshTokens.startFamily(family, Hashes.sha256(refreshToken), rotation.successorExpiry(family, now));
        return new StartedFamily(family.id(), refreshToken);
    }

    /** A new family and its first refresh token (returned once, stored only as a hash). */
    public record StartedFamily(UUID id, String refreshToken) {
    }
}
