package dev.tessera.auth.revocation;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.contract.jwt.VerifiedAccessToken;
import dev.tessera.auth.token.store.RefreshFamily;
import dev.tessera.auth.token.store.RefreshTokenStore;
import dev.tessera.contract.revocation.RevocationEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Revokes tokens durably first (PostgreSQL, one transaction with its outbox event and audit
 * record), then tells Redis through the relay. A Redis outage delays the denylist, never loses it.
 */
@Singleton
public class RevocationService {

    private final RefreshTokenStore refreshTokens;
    private final DeviceStore devices;
    private final RevocationOutbox outbox;
    private final RevocationRelay relay;
    private final AuditLog audit;
    private final TokenProperties tokens;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public RevocationService(RefreshTokenStore refreshTokens, DeviceStore devices, RevocationOutbox outbox,
                             RevocationRelay relay, AuditLog audit, TokenProperties tokens,
                             TransactionOperations<Connection> transactions, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.devices = devices;
        this.outbox = outbox;
        this.relay = relay;
        this.audit = audit;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Denies one access token until it expires (RFC 7009 §2.1). */
    public Outcome revokeAccessToken(VerifiedAccessToken token, String reason, String actor, String ip) {
        return revokeJti(token.jti(), token.expiresAt().plus(tokens.clockSkew()), new AuditEvent(AuditEvent.TOKEN_REVOKED,
                actor, parseUuid(token.subject()), token.clientId(), parseUuid(token.deviceId()), ip,
                "access token jti=" + token.jti() + " reason=" + reason), reason);
    }

    /**
     * Denies an access token known only by its jti (an administrator's request): kept for the longest
     * time such a token can live.
     */
    public Outcome revokeJtiByAdmin(String jti, String actor, String ip) {
        Instant until = clock.instant().plus(tokens.accessTokenTtl()).plus(tokens.clockSkew());
        return revokeJti(jti, until, new AuditEvent(AuditEvent.ADMIN_TOKEN_REVOKED, actor, null, null, null, ip,
                "access token jti=" + jti), "admin_revoke");
    }

    private Outcome revokeJti(String jti, Instant relevantUntil, AuditEvent auditEvent, String reason) {
        Instant now = clock.instant();
        transactions.executeWrite(status -> {
            outbox.enqueue(new RevocationEvent(RevocationEvent.Kind.JTI, jti, now, relevantUntil, reason));
            audit.record(auditEvent);
            return null;
        });
        return new Outcome(relay.relayNow());
    }

    /**
     * A replayed authorization code: the refresh family and the access token its first redemption
     * produced are revoked (RFC 6749 §4.1.2).
     */
    public Outcome revokeCodeReplay(UUID familyId, String accessTokenJti, Instant accessTokenExpiresAt, String actor,
                                    String ip) {
        Instant now = clock.instant();
        transactions.executeWrite(status -> {
            if (familyId != null) {
                refreshTokens.revokeFamily(familyId, "code_replay", now);
            }
            outbox.enqueue(new RevocationEvent(RevocationEvent.Kind.JTI, accessTokenJti, now,
                    accessTokenExpiresAt.plus(tokens.clockSkew()), "code_replay"));
            audit.record(new AuditEvent(AuditEvent.CODE_REPLAYED, actor, null, null, null, ip,
                    "family=" + familyId + " jti=" + accessTokenJti));
            return null;
        });
        return new Outcome(relay.relayNow());
    }

    /** Within the caller's transaction: every access token of this user issued until now is denied. */
    public void revokeUserBeforeInTransaction(UUID userId, String actor, String ip, Instant now) {
        outbox.enqueue(new RevocationEvent(RevocationEvent.Kind.USER, userId.toString(), now,
                now.plus(tokens.accessTokenTtl()).plus(tokens.clockSkew()), "admin_revoke_before"));
        audit.record(new AuditEvent(AuditEvent.USER_REVOKED_BEFORE, actor, userId, null, null, ip,
                "revoked_before=" + now));
    }

    /**
     * Revokes a refresh family, its device, and (RFC 7009 §2.1: SHOULD also invalidate access
     * tokens of the same grant) every live access token of that device.
     */
    public Outcome revokeFamily(RefreshFamily family, String reason, String actor, String ip) {
        Instant now = clock.instant();
        transactions.executeWrite(status -> {
            if (refreshTokens.revokeFamily(family.id(), reason, now)) {
                revokeDeviceInTransaction(family.deviceId(), family.userId(), family.clientId(),
                        AuditEvent.TOKEN_REVOKED, reason, actor, ip, now);
            }
            return null;
        });
        return new Outcome(relay.relayNow());
    }

    /**
     * Signs a device out inside the caller's transaction: its refresh families revoked, the device
     * marked, its live access tokens denied (outbox), and an audit record written.
     */
    public void revokeDeviceInTransaction(UUID deviceId, UUID userId, String clientId, String auditType, String reason,
                                          String actor, String ip, Instant now) {
        refreshTokens.revokeFamiliesOfDevice(deviceId, reason, now);
        devices.revoke(deviceId, reason, now);
        outbox.enqueue(deviceMark(deviceId, reason, now));
        audit.record(new AuditEvent(auditType, actor, userId, clientId, deviceId, ip, "reason=" + reason));
    }

    /** Pushes pending revocations to Redis now; false when Redis is unreachable (they stay queued). */
    public boolean publishPending() {
        return relay.relayNow();
    }

    private RevocationEvent deviceMark(UUID deviceId, String reason, Instant now) {
        // Every access token of this device expires within the access token lifetime.
        return new RevocationEvent(RevocationEvent.Kind.DEVICE, deviceId.toString(), now,
                now.plus(tokens.accessTokenTtl()).plus(tokens.clockSkew()), reason);
    }

    private static UUID parseUuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null; // a client id (client_credentials) is not a user
        }
    }

    /** Whether the revocation already reached Redis ({@code false}: degraded, queued in PostgreSQL). */
    public record Outcome(boolean published) {
    }
}
