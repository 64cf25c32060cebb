package dev.tessera.auth.device;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.revocation.RevocationService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Signs devices out. A kick revokes the device's refresh families and the device in PostgreSQL
 * (committed first), denies its live access tokens through the revocation outbox, writes an audit
 * record, then tells Redis (denylist, stream) and the user's clients ({@code force_logout}).
 */
@Singleton
public class DeviceKicks {

    private final DeviceStore devices;
    private final RevocationService revocations;
    private final ForceLogoutNotifier notifier;
    private final List<DeviceSignOutListener> listeners;
    private final TransactionOperations<Connection> transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    public DeviceKicks(DeviceStore devices, RevocationService revocations, ForceLogoutNotifier notifier,
                       List<DeviceSignOutListener> listeners, TransactionOperations<Connection> transactions,
                       MeterRegistry meters, Clock clock) {
        this.listeners = listeners;
        this.devices = devices;
        this.revocations = revocations;
        this.notifier = notifier;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /** Signs out these devices of one user; the result says whether Redis has heard of it yet. */
    public KickResult kick(List<Device> targets, KickReason reason, String actor, String ip) {
        Instant now = clock.instant();
        transactions.executeWrite(status -> {
            for (Device device : targets) {
                kickInTransaction(device, reason, actor, ip, now);
            }
            return null;
        });
        return afterCommit(targets, reason, now);
    }

    /**
     * Revokes everything the user holds that was issued until now: every device signed out, and a
     * user-wide revoked-before mark that also covers tokens without a device (RFC 7009 spirit, per user).
     */
    public KickResult revokeEverythingBefore(UUID userId, String actor, String ip) {
        Instant now = clock.instant();
        List<Device> targets = devicesExcept(userId, null);
        transactions.executeWrite(status -> {
            for (Device device : targets) {
                kickInTransaction(device, KickReason.ADMIN_REVOKE_BEFORE, actor, ip, now);
            }
            revocations.revokeUserBeforeInTransaction(userId, actor, ip, now);
            return null;
        });
        return afterCommit(targets, KickReason.ADMIN_REVOKE_BEFORE, now);
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

    /** The part of a kick that joins the caller's transaction (a login enforcing its session policy). */
    public void kickInTransaction(Device device, KickReason reason, String actor, String ip, Instant now) {
        revocations.revokeDeviceInTransaction(device.id(), device.userId(), device.clientId(), AuditEvent.DEVICE_KICKED,
                reason.code(), actor, ip, now);
    }

    /** Publishes whatever the committed transaction queued, and notifies the kicked devices' clients. */
    public KickResult afterCommit(List<Device> kicked, KickReason reason, Instant at) {
        boolean published = revocations.publishPending();
        for (Device device : kicked) {
            notifier.notifyKicked(device, reason, at);
            meters.counter("tessera.kicks", "reason", reason.code()).increment();
        }
        if (!kicked.isEmpty()) {
            listeners.forEach(listener -> listener.signedOut(kicked, reason));
        }
        return new KickResult(kicked.stream().map(Device::id).toList(), published);
    }

    /**
     * The kicked devices, and whether the revocation already reached Redis ({@code false}: Redis is
     * unreachable, the revocation is committed and queued, and will be replayed).
     */
    public record KickResult(List<UUID> kicked, boolean propagated) {
    }
}
