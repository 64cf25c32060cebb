package dev.tessera.auth.token.grant;

import dev.tessera.auth.scope.Scopes;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.device.DeviceSignOut;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.device.KickReason;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.token.grant.TokenResponse;
import dev.tessera.auth.token.store.RefreshFamily;
import dev.tessera.auth.token.store.RefreshTokenStore;
import dev.tessera.auth.token.store.RotationPolicy;
import dev.tessera.auth.token.store.RotationResult;
import dev.tessera.auth.user.User;
import dev.tessera.auth.user.UserStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * RFC 6749 §6 refresh, with rotation and reuse detection (RFC 9700 §4.14.2): every use returns a
 * new refresh token; a rotated token presented again within the grace window gets a sibling (two
 * tabs, lost responses); after it, the whole family and its device's access tokens are revoked.
 */
@Singleton
public class RefreshTokenGrant implements Grant {

    private final RefreshTokenStore refreshTokens;
    private final UserStore users;
    private final DeviceStore devices;
    private final DeviceSignOut signOut;
    private final UserTokens userTokens;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;
    private final RotationPolicy policy;
    private final MeterRegistry meters;
    private final Clock clock;

    public RefreshTokenGrant(RefreshTokenStore refreshTokens, UserStore users, DeviceStore devices, DeviceSignOut signOut,
                             UserTokens userTokens, AuditLog audit,
                             TransactionOperations<Connection> transactions, RotationPolicy policy,
                             MeterRegistry meters, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.devices = devices;
        this.signOut = signOut;
        this.userTokens = userTokens;
        this.audit = audit;
        this.transactions = transactions;
        this.policy = policy;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public String grantType() {
        return "refresh_token";
    }

    @Override
    public TokenResponse grant(GrantRequest request) {
        String presented = request.params().required("refresh_token");
        String successor = UserTokens.newRefreshToken();
        Instant now = clock.instant();
        RotationResult result = transactions.executeWrite(status -> rotate(presented, successor, request, now));
        meters.counter("tessera.refresh", "outcome", outcomeTag(result)).increment();
        if (result instanceof RotationResult.Rotated rotated) {
            return respond(rotated.family(), successor, request, now);
        }
        if (result instanceof RotationResult.ReuseDetected reuse) {
            // The device is signed out everywhere: Redis, its SSO session, its clients (back-channel).
            signOut.afterCommit(devices.findById(reuse.family().deviceId()).stream().toList(),
                    KickReason.REFRESH_TOKEN_REUSE, now);
            throw OAuthException.of(OAuthError.INVALID_GRANT, SignOutReasons.describe("refresh_token_reuse"),
                    "refresh token reuse detected, family " + reuse.family().id() + " revoked");
        }
        throw rejection((RotationResult.Rejected) result);
    }

    /** The one transactional path for RFC 9700 §4.14.2 rotation and reuse detection. */
    private RotationResult rotate(String presented, String successor, GrantRequest request, Instant now) {
        RotationResult result = refreshTokens.rotate(Hashes.sha256(presented), Hashes.sha256(successor),
                request.client().id(), policy, now);
        if (result instanceof RotationResult.ReuseDetected reuse) {
            RefreshFamily family = reuse.family();
            signOut.signOutInTransaction(family.deviceId(), KickReason.REFRESH_TOKEN_REUSE,
                    "client:" + request.client().id(), request.ip(), now);
        } else if (result instanceof RotationResult.Rotated rotated) {
            RefreshFamily family = rotated.family();
            // RFC 6749 §6: checked inside the transaction, so a refused scope leaves the token unrotated.
            Scopes.narrow(request.params().optional("scope"), family.scope());
            audit.record(new AuditEvent(AuditEvent.TOKEN_REFRESHED, "client:" + request.client().id(),
                    family.userId(), family.clientId(), family.deviceId(), request.ip(),
                    rotated.graceRetry() ? "grace_retry" : "rotated"));
        }
        return result;
    }

    private TokenResponse respond(RefreshFamily family, String successor, GrantRequest request, Instant now) {
        Set<String> scope = Scopes.narrow(request.params().optional("scope"), family.scope());
        User user = users.findById(family.userId()).filter(u -> !u.disabled())
                .orElseThrow(() -> OAuthException.invalidGrant("the account is disabled"));
        devices.touch(family.deviceId(), now);
        return userTokens.respond(user, request.client(), scope, family.deviceId(), successor);
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
        return "rejected_" + ((RotationResult.Rejected) result).reason().name().toLowerCase(java.util.Locale.ROOT);
    }
}
