package dev.tessera.auth.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link DeviceStore} must do. */
public abstract class DeviceStoreContract {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract DeviceStore store();

    /** A user devices may belong to. */
    protected abstract UUID newUser();

    private static DeviceDescriptor descriptor(String externalId, DeviceType type) {
        return new DeviceDescriptor(externalId, type, "Test " + type.code(), "test-agent", "127.0.0.1");
    }

    @Test
    void registeredDevicesAreFoundAndListedNewestFirstPerClient() {
        UUID user = newUser();
        Device first = store().register(user, "cli", descriptor(null, DeviceType.CLI), now).device();
        Device second = store().register(user, "cli", descriptor(null, DeviceType.MOBILE), now.plusSeconds(1)).device();
        Device elsewhere = store().register(user, "tessera", descriptor(null, DeviceType.WEB), now.plusSeconds(2)).device();

        assertEquals(Optional.of(first), store().findById(first.id()));
        assertEquals(List.of(second.id(), first.id()), store().activeDevices(user, "cli").stream().map(Device::id).toList());
        assertEquals(List.of(elsewhere.id(), second.id(), first.id()),
                store().activeDevices(user, null).stream().map(Device::id).toList());
        assertEquals(List.of(), store().activeDevices(newUser(), null));
    }

    @Test
    void aDeviceIsRevokedOnceAndLeavesTheActiveList() {
        UUID user = newUser();
        Device device = store().register(user, "cli", descriptor(null, DeviceType.CLI), now).device();

        assertTrue(store().revoke(device.id(), "user_kick", now));
        assertFalse(store().revoke(device.id(), "admin_kick", now), "already signed out");

        Device revoked = store().findById(device.id()).orElseThrow();
        assertEquals("user_kick", revoked.revokeReason());
        assertFalse(revoked.active());
        assertEquals(List.of(), store().activeDevices(user, null));
    }

    @Test
    void theSameExternalIdReplacesTheOldSignInOfThatClient() {
        UUID user = newUser();
        Device old = store().register(user, "cli", descriptor("laptop-1", DeviceType.DESKTOP), now).device();
        Device otherClient = store().register(user, "docs", descriptor("laptop-1", DeviceType.DESKTOP), now).device();

        DeviceStore.Registration again = store().register(user, "cli", descriptor("laptop-1", DeviceType.DESKTOP),
                now.plusSeconds(1));

        assertEquals(Optional.of(old.id()), again.replaced());
        assertEquals("replaced", store().findById(old.id()).orElseThrow().revokeReason());
        assertTrue(store().findById(otherClient.id()).orElseThrow().active(), "another client's device of that name stays");
    }

    @Test
    void touchMovesLastSeenOnlyPastTheThrottle() {
        Device device = store().register(newUser(), "cli", descriptor(null, DeviceType.CLI), now).device();
        store().touch(device.id(), now.plus(Duration.ofMinutes(5)));
        assertEquals(now.plus(Duration.ofMinutes(5)), store().findById(device.id()).orElseThrow().lastSeenAt());
    }
}
