package dev.tessera.auth.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Sql;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.user.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Last-seen writes are throttled to one a minute per device, and the throttle forgets old entries. */
@MicronautTest(transactional = false)
class DeviceTouchTest extends IntegrationTest {

    @Inject
    JdbcDeviceStore devices;
    @Inject
    TestAccounts accounts;
    @Inject
    Sql sql;

    @Test
    void touchesWithinAMinuteDoNotWriteAndOldThrottleEntriesAreForgotten() {
        User user = accounts.user();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Device device = devices.register(user.id(), "cli", new DeviceDescriptor(null, DeviceType.CLI, "t", null, "127.0.0.1"),
                start.minusSeconds(600)).device();

        devices.touch(device.id(), start);
        devices.touch(device.id(), start.plusSeconds(30));
        assertEquals(start.toString(), sql.query("SELECT last_seen_at FROM devices WHERE id = ?",
                rs -> { rs.next(); return rs.getTimestamp(1).toInstant().toString(); }, device.id()), "the second touch wrote nothing");

        devices.touch(device.id(), start.plusSeconds(61));
        assertEquals(start.plusSeconds(61).toString(), sql.query("SELECT last_seen_at FROM devices WHERE id = ?",
                rs -> { rs.next(); return rs.getTimestamp(1).toInstant().toString(); }, device.id()));

        Device idle = devices.register(user.id(), "cli", new DeviceDescriptor(null, DeviceType.CLI, "idle", null, "127.0.0.1"),
                start.minusSeconds(7200)).device();
        devices.touch(idle.id(), Instant.now().minusSeconds(3600)); // its only touch is an hour old
        int before = devices.rememberedTouches();
        devices.forgetOldTouches();
        assertEquals(before - 1, devices.rememberedTouches(), "the hour-old entry is dropped, the recent one kept");
    }
}
