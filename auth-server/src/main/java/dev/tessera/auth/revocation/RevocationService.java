package dev.tessera.auth.revocation;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.auth.token.store.RefreshTokenStore;
import dev.tessera.contract.jwt.VerifiedAccessToken;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationTarget;
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
    private final RevocationOutbox outbox;
    private final RevocationRelay relay;
    private final AuditLog audit;
    private final TokenProperties tokens;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public RevocationService(RefreshTokenStore refreshTokens, RevocationOutbox outbox,
                             RevocationRelay relay, AuditLog audit, TokenProperties tokens,
                             TransactionOperations<Connection> transactions, Clock clock) {
        this.refreshTokens = refreshTokens;
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
        outbox.enqueue(new RevocationEvent(RevocationEvent.Kind.USER, userId.toString(), now, accessTokensEnd(now),
                "admin_revoke_before"));
        audit.record(new AuditEvent(AuditEvent.USER_REVOKED_BEFORE, actor, userId, null, null, ip,
                "revoked_before=" + now));
    }

    /** Within the caller's transaction: every access token of this device issued until now is denied. */
    public void denyDeviceInTransaction(UUID deviceId, String reason, Instant now) {
        outbox.enqueue(new RevocationEvent(RevocationEvent.Kind.DEVICE, deviceId.toString(), now, accessTokensEnd(now),
                reason));
    }

    /**
     * Within the caller's transaction: every access token this client holds on this device, issued until
     * now, is denied (RFC 7009 §2.1: SHOULD also invalidate the access tokens of the same grant).
     */
    public void denyClientOnDeviceInTransaction(UUID deviceId, String clientId, String reason, Instant now) {
        RevocationTarget target = RevocationTarget.deviceClient(deviceId.toString(), clientId);
        outbox.enqueue(new RevocationEvent(target.kind(), target.subject(), now, accessTokensEnd(now), reason));
    }

    /** Pushes pending revocations to Redis now; false when Redis is unreachable (they stay queued). */
    public boolean publishPending() {
        return relay.relayNow();
    }

    /** Every access token issued until {@code now} has expired by then. */
    private Instant accessTokensEnd(Instant now) {
        return now.plus(tokens.accessTokenTtl()).plus(tokens.clockSkew());
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
