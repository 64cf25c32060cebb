package dev.tessera.auth.token.grant;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.device.Device;
import dev.tessera.auth.device.DeviceSignOut;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.device.KickReason;
import dev.tessera.auth.scope.Scopes;
import dev.tessera.auth.token.store.RefreshFamily;
import dev.tessera.auth.token.store.RefreshTokenStore;
import dev.tessera.auth.token.store.RotationPolicy;
import dev.tessera.auth.token.store.RotationResult;
import dev.tessera.auth.token.store.StoredRefreshToken;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The one transactional path for refresh rotation and reuse detection (RFC 9700 §4.14.2). In one
 * transaction: the device's row is locked and must still be signed in (a kick waits for this
 * transaction, then revokes what it issued); the store applies {@link RotationPolicy} atomically; a
 * reuse signs the device out ({@link DeviceSignOut#signOutInTransaction}); a rotation checks the
 * requested scope (RFC 6749 §6), so a refused scope leaves the presented token unrotated, and mints the
 * access token before the commit, so no token is signed for a device after its sign-out committed.
 */
@Singleton
public class RefreshRotation {

    private final RefreshTokenStore refreshTokens;
    private final RotationPolicy policy;
    private final DeviceStore devices;
    private final DeviceSignOut signOut;
    private final UserTokens userTokens;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;

    public RefreshRotation(RefreshTokenStore refreshTokens, RotationPolicy policy, DeviceStore devices,
                           DeviceSignOut signOut, UserTokens userTokens, AuditLog audit,
                           TransactionOperations<Connection> transactions) {
        this.refreshTokens = refreshTokens;
        this.policy = policy;
        this.devices = devices;
        this.signOut = signOut;
        this.userTokens = userTokens;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** What presenting a refresh token did, and the token response when it rotated. */
    public record Outcome(RotationResult result, TokenResponse response) {
    }

    /** Rotates the presented token to {@code successor}, in one transaction. */
    public Outcome rotate(RefreshRequest request, String successor, Instant now) {
        byte[] presented = Hashes.sha256(request.refreshToken());
        byte[] sealed = SuccessorSeal.seal(request.refreshToken(), presented, successor);
        Optional<RefreshFamily> known = refreshTokens.find(presented).map(StoredRefreshToken::family);
        Outcome outcome = transactions.executeWrite(status -> {
            Optional<RotationResult> signedOut = known.flatMap(this::deviceSignedOut);
            if (signedOut.isPresent()) {
                return new Outcome(signedOut.get(), null);
            }
            RotationResult result = refreshTokens.rotate(presented, Hashes.sha256(successor), sealed,
                    request.client().id(), policy, now);
            String actor = "client:" + request.client().id();
            if (result instanceof RotationResult.ReuseDetected reuse) {
                signOut.signOutInTransaction(reuse.family().deviceId(), KickReason.REFRESH_TOKEN_REUSE, actor, request.ip(),
                        now);
                return new Outcome(result, null);
            }
            if (result instanceof RotationResult.Rotated rotated) {
                RefreshFamily family = rotated.family();
                Set<String> scope = Scopes.narrow(request.scope(), family.scope());
                audit.record(new AuditEvent(AuditEvent.TOKEN_REFRESHED, actor, family.userId(), family.clientId(),
                        family.deviceId(), request.ip(), rotated.graceRetry() ? "grace_retry" : "rotated"));
                // A retry within the grace window gets the successor the rotation handed out, not a new chain.
                String token = rotated.graceRetry()
                        ? SuccessorSeal.open(request.refreshToken(), presented, rotated.sealedSuccessor()) : successor;
                return new Outcome(result, userTokens.refreshed(family, request.client(), scope, token));
            }
            return new Outcome(result, null);
        });
        if (outcome.result() instanceof RotationResult.Rotated rotated) {
            devices.touch(rotated.family().deviceId(), now); // after the commit: a write on the row the rotation locked
        }
        return outcome;
    }

    /**
     * Locks the family's device; a rejection when it is signed out. Its families are revoked in the same
     * transaction as the device, so this is the store's own answer made certain under the lock.
     */
    private Optional<RotationResult> deviceSignedOut(RefreshFamily family) {
        Optional<Device> device = devices.lock(family.deviceId());
        if (device.isPresent() && device.get().active()) {
            return Optional.empty();
        }
        String reason = device.map(Device::revokeReason).orElse(KickReason.LOGOUT.code());
        Instant at = device.map(Device::revokedAt).orElse(family.lastRefreshedAt());
        return Optional.of(new RotationResult.Rejected(RotationPolicy.Decision.FAMILY_REVOKED,
                family.revokedAt() != null ? family : family.revoked(reason, at)));
    }
}
