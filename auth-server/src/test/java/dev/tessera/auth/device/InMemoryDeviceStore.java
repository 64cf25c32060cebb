package dev.tessera.auth.device;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A heap device registry for plain-Java tests; it passes the same contract as {@link JdbcDeviceStore}. */
public class InMemoryDeviceStore implements DeviceStore {

    private final Map<UUID, Device> devices = new ConcurrentHashMap<>();

    @Override
    public synchronized Registration register(UUID userId, String clientId, DeviceDescriptor descriptor, Instant now) {
        Optional<UUID> replaced = Optional.empty();
        if (descriptor.externalId() != null) {
            for (Device d : List.copyOf(devices.values())) {
                if (d.active() && d.userId().equals(userId) && d.clientId().equals(clientId)
                        && descriptor.externalId().equals(d.externalId())) {
                    devices.put(d.id(), revoked(d, "replaced", now));
                    replaced = Optional.of(d.id());
                }
            }
        }
        Device device = new Device(UUID.randomUUID(), userId, clientId, descriptor.externalId(), descriptor.type(),
                descriptor.name(), descriptor.userAgent(), descriptor.ip(), now, now, null, null);
        devices.put(device.id(), device);
        return new Registration(device, replaced);
    }

    @Override
    public Optional<Device> findById(UUID id) {
        return Optional.ofNullable(devices.get(id));
    }

    @Override
    public List<Device> activeDevices(UUID userId, String clientId) {
        List<Device> active = new ArrayList<>();
        for (Device d : devices.values()) {
            if (d.active() && d.userId().equals(userId) && (clientId == null || clientId.equals(d.clientId()))) {
                active.add(d);
            }
        }
        active.sort(Comparator.comparing(Device::createdAt).reversed().thenComparing(Device::id));
        return active;
    }

    @Override
    public synchronized void touch(UUID id, Instant now) {
        Device d = devices.get(id);
        if (d != null && d.lastSeenAt().isBefore(now.minus(JdbcDeviceStore.TOUCH_INTERVAL))) {
            devices.put(id, new Device(d.id(), d.userId(), d.clientId(), d.externalId(), d.type(), d.name(), d.userAgent(),
                    d.ip(), d.createdAt(), now, d.revokedAt(), d.revokeReason()));
        }
    }

    @Override
    public synchronized boolean revoke(UUID id, String reason, Instant now) {
        Device d = devices.get(id);
        if (d == null || !d.active()) {
            return false;
        }
        devices.put(id, revoked(d, reason, now));
        return true;
    }

    private static Device revoked(Device d, String reason, Instant now) {
        return new Device(d.id(), d.userId(), d.clientId(), d.externalId(), d.type(), d.name(), d.userAgent(), d.ip(),
                d.createdAt(), d.lastSeenAt(), now, reason);
    }
}
