package dev.tessera.auth.token.grant;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.device.DeviceSignOut;
import dev.tessera.auth.device.KickReason;
import dev.tessera.auth.scope.Scopes;
import dev.tessera.auth.token.store.RefreshFamily;
import dev.tessera.auth.token.store.RefreshTokenStore;
import dev.tessera.auth.token.store.RotationPolicy;
import dev.tessera.auth.token.store.RotationResult;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;

/**
 * The one transactional path for refresh rotation and reuse detection (RFC 9700 §4.14.2): the store
 * applies {@link RotationPolicy} atomically; a reuse signs the device out in the same transaction
 * ({@link DeviceSignOut#signOutInTransaction}); a rotation checks the requested scope (RFC 6749 §6)
 * before it commits, so a refused scope leaves the presented token unrotated.
 */
@Singleton
public class RefreshRotation {

    private final RefreshTokenStore refreshTokens;
    private final RotationPolicy policy;
    private final DeviceSignOut signOut;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;

    public RefreshRotation(RefreshTokenStore refreshTokens, RotationPolicy policy, DeviceSignOut signOut, AuditLog audit,
                           TransactionOperations<Connection> transactions) {
        this.refreshTokens = refreshTokens;
        this.policy = policy;
        this.signOut = signOut;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Rotates the presented token to {@code successor}, in one transaction. */
    public RotationResult rotate(RefreshRequest request, String successor, Instant now) {
        return transactions.executeWrite(status -> {
            RotationResult result = refreshTokens.rotate(Hashes.sha256(request.refreshToken()), Hashes.sha256(successor),
                    request.client().id(), policy, now);
            String actor = "client:" + request.client().id();
            if (result instanceof RotationResult.ReuseDetected reuse) {
                signOut.signOutInTransaction(reuse.family().deviceId(), KickReason.REFRESH_TOKEN_REUSE, actor, request.ip(),
                        now);
            } else if (result instanceof RotationResult.Rotated rotated) {
                RefreshFamily family = rotated.family();
                Scopes.narrow(request.scope(), family.scope());
                audit.record(new AuditEvent(AuditEvent.TOKEN_REFRESHED, actor, family.userId(), family.clientId(),
                        family.deviceId(), request.ip(), rotated.graceRetry() ? "grace_retry" : "rotated"));
            }
            return result;
        });
    }
}
