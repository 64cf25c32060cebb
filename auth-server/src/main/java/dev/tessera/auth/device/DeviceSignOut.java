package dev.tessera.auth.device;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import dev.tessera.auth.revocation.RevocationService;
import dev.tessera.auth.token.store.RefreshFamily;
import dev.tessera.auth.token.store.RefreshTokenStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one owner of signing a device out, whoever asks: an administrator, the user, a session policy,
 * refresh-token reuse detection (RFC 9700 §4.14.2), logout, or an RFC 7009 revocation that took the
 * device's last sign-in. Inside the caller's transaction it revokes the device's refresh families,
 * marks the device, queues the revocation of its live access tokens (outbox) and writes the audit
 * record; after commit it relays the revocation to Redis, publishes {@code force_logout}, ends the
 * device's SSO session and queues back-channel logout to the clients that used it.
 */
@Singleton
public class DeviceSignOut {

    private final DeviceStore devices;
    private final RefreshTokenStore refreshTokens;
    private final RevocationService revocations;
    private final AuditLog audit;
    private final ForceLogoutNotifier notifier;
    private final BrowserSignOut browsers;
    private final TransactionOperations<Connection> transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    public DeviceSignOut(DeviceStore devices, RefreshTokenStore refreshTokens, RevocationService revocations, AuditLog audit,
                         ForceLogoutNotifier notifier, BrowserSignOut browsers,
                         TransactionOperations<Connection> transactions, MeterRegistry meters, Clock clock) {
        this.devices = devices;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.audit = audit;
        this.notifier = notifier;
        this.browsers = browsers;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /** Signs out these devices of one user, in a transaction of its own; the result says whether Redis has heard. */
    public Result signOut(List<Device> targets, KickReason reason, String actor, String ip) {
        Instant now = clock.instant();
        transactions.executeWrite(status -> {
            targets.forEach(device -> inTransaction(device, reason, actor, ip, now));
            return null;
        });
        return afterCommit(targets, reason, now);
    }

    /**
     * Revokes everything the user holds that was issued until now: every device signed out, and a
     * user-wide revoked-before mark that also covers tokens without a device.
     */
    public Result signOutEverythingBefore(UUID userId, String actor, String ip) {
        Instant now = clock.instant();
        List<Device> targets = devicesExcept(userId, null);
        transactions.executeWrite(status -> {
            targets.forEach(device -> inTransaction(device, KickReason.ADMIN_REVOKE_BEFORE, actor, ip, now));
            revocations.revokeUserBeforeInTransaction(userId, actor, ip, now);
            return null;
        });
        return afterCommit(targets, KickReason.ADMIN_REVOKE_BEFORE, now);
    }

    /**
     * RFC 7009 §2.1 for a refresh token: revokes that family and denies the access tokens its client
     * holds on the device; other clients' sign-ins on the same device (an SSO browser) are untouched.
     * When that was the device's last live family, the device itself is signed out instead.
     */
    public Result revokeFamily(RefreshFamily family, String actor, String ip) {
        Instant now = clock.instant();
        String reason = KickReason.REVOKED_BY_CLIENT.code();
        Optional<Device> emptied = transactions.executeWrite(status -> {
            if (!refreshTokens.revokeFamily(family.id(), reason, now)) {
                return Optional.<Device>empty();
            }
            if (!refreshTokens.hasLiveFamily(family.deviceId(), now)) {
                return signOutInTransaction(family.deviceId(), KickReason.REVOKED_BY_CLIENT, actor, ip, now);
            }
            revocations.denyClientOnDeviceInTransaction(family.deviceId(), family.clientId(), reason, now);
            audit.record(new AuditEvent(AuditEvent.TOKEN_REVOKED, actor, family.userId(), family.clientId(),
                    family.deviceId(), ip, "family=" + family.id() + " reason=" + reason));
            return Optional.<Device>empty();
        });
        return afterCommit(emptied.stream().toList(), KickReason.REVOKED_BY_CLIENT, now);
    }

    /** The user's live devices except {@code keep} (may be null: every device). */
    public List<Device> devicesExcept(UUID userId, UUID keep) {
        List<Device> targets = new ArrayList<>();
        for (Device device : devices.activeDevices(userId, null)) {
            if (!device.id().equals(keep)) {
                targets.add(device);
            }
        }
        return targets;
    }

    /** The part that joins the caller's transaction: families, device, outbox entry, audit record. */
    public void inTransaction(Device device, KickReason reason, String actor, String ip, Instant now) {
        refreshTokens.revokeFamiliesOfDevice(device.id(), reason.code(), now);
        devices.revoke(device.id(), reason.code(), now);
        revocations.denyDeviceInTransaction(device.id(), reason.code(), now);
        audit.record(new AuditEvent(reason.auditType(), actor, device.userId(), device.clientId(), device.id(), ip,
                "reason=" + reason.code()));
    }

    /** {@link #inTransaction} for a device known by id; the device, for {@link #afterCommit}, if it exists. */
    public Optional<Device> signOutInTransaction(UUID deviceId, KickReason reason, String actor, String ip, Instant now) {
        Optional<Device> device = devices.findById(deviceId);
        device.ifPresent(d -> inTransaction(d, reason, actor, ip, now));
        return device;
    }

    /**
     * After the caller's transaction committed: publishes what it queued to Redis, tells the devices'
     * clients ({@code force_logout}), ends their SSO sessions and queues back-channel logout.
     */
    public Result afterCommit(List<Device> signedOut, KickReason reason, Instant at) {
        boolean published = revocations.publishPending();
        for (Device device : signedOut) {
            notifier.notifyKicked(device, reason, at);
            meters.counter("tessera.kicks", "reason", reason.code()).increment();
        }
        if (!signedOut.isEmpty()) {
            browsers.signedOut(signedOut);
        }
        return new Result(signedOut.stream().map(Device::id).toList(), published);
    }

    /** {@link #afterCommit(List, KickReason, Instant)} for a device known by id. */
    public Result afterCommit(UUID deviceId, KickReason reason, Instant at) {
        return afterCommit(devices.findById(deviceId).stream().toList(), reason, at);
    }

    /**
     * The signed-out devices, and whether the revocation already reached Redis ({@code false}: Redis is
     * unreachable, the revocation is committed and queued, and will be replayed).
     */
    public record Result(List<UUID> signedOut, boolean propagated) {
    }
}
