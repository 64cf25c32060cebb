package dev.tessera.auth.token.grant;

import dev.tessera.auth.device.DeviceSignOut;
import dev.tessera.auth.device.KickReason;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.scope.Scopes;
import dev.tessera.auth.token.store.RotationResult;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * RFC 6749 §6 refresh, with rotation and reuse detection (RFC 9700 §4.14.2): every use returns a
 * new refresh token; a rotated token presented again within the grace window gets a sibling (two
 * tabs, lost responses); after it, the device is signed out ({@link DeviceSignOut}): every family,
 * its access tokens, its SSO session.
 */
@Singleton
public class RefreshTokenGrant implements Grant<RefreshRequest> {

    private final RefreshRotation rotation;
    private final UserTokens userTokens;
    private final DeviceSignOut signOut;
    private final MeterRegistry meters;
    private final Clock clock;

    public RefreshTokenGrant(RefreshRotation rotation, UserTokens userTokens, DeviceSignOut signOut, MeterRegistry meters,
                             Clock clock) {
        this.rotation = rotation;
        this.userTokens = userTokens;
        this.signOut = signOut;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public Class<RefreshRequest> requestType() {
        return RefreshRequest.class;
    }

    @Override
    public String grantType() {
        return "refresh_token";
    }

    @Override
    public TokenResponse grant(RefreshRequest request) {
        String successor = UserTokens.newRefreshToken();
        Instant now = clock.instant();
        RotationResult result = rotation.rotate(request, successor, now);
        meters.counter("tessera.refresh", "outcome", outcomeTag(result)).increment();
        if (result instanceof RotationResult.Rotated rotated) {
            return userTokens.refreshed(rotated.family(), request.client(), Scopes.narrow(request.scope(),
                    rotated.family().scope()), successor, now);
        }
        if (result instanceof RotationResult.ReuseDetected reuse) {
            signOut.afterCommit(reuse.family().deviceId(), KickReason.REFRESH_TOKEN_REUSE, now);
            throw OAuthException.of(OAuthError.INVALID_GRANT, SignOutReasons.describe("refresh_token_reuse"),
                    "refresh token reuse detected, family " + reuse.family().id() + " revoked");
        }
        throw rejection((RotationResult.Rejected) result);
    }

    private static OAuthException rejection(RotationResult.Rejected rejected) {
        return switch (rejected.reason()) {
            case FAMILY_REVOKED -> OAuthException.of(OAuthError.INVALID_GRANT,
                    SignOutReasons.describe(rejected.family().revokeReason()),
                    "refresh family " + rejected.family().id() + " is revoked: " + rejected.family().revokeReason());
            case EXPIRED -> OAuthException.invalidGrant("refresh token expired; sign in again");
            case WRONG_CLIENT -> OAuthException.of(OAuthError.INVALID_GRANT,
                    "refresh token is invalid", "refresh token presented by a client it was not issued to");
            default -> OAuthException.invalidGrant("refresh token is invalid");
        };
    }

    private static String outcomeTag(RotationResult result) {
        if (result instanceof RotationResult.Rotated rotated) {
            return rotated.graceRetry() ? "grace_retry" : "rotated";
        }
        if (result instanceof RotationResult.ReuseDetected) {
            return "reuse_detected";
        }
        return "rejected_" + ((RotationResult.Rejected) result).reason().name().toLowerCase(Locale.ROOT);
    }
}
