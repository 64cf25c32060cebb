package dev.tessera.auth.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} must do. */
public abstract class AuditLogContract {

    protected abstract AuditLog store();

    private static AuditEvent event(String type, UUID user, String detail) {
        return new AuditEvent(type, "system", user, "cli", null, "127.0.0.1", detail);
    }

    @Test
    void recordsComeBackNewestFirstFilteredByUserAndType() {
        UUID user = UUID.randomUUID();
        store().record(event(AuditEvent.LOGIN_SUCCEEDED, user, "first"));
        store().record(event(AuditEvent.DEVICE_KICKED, user, "second"));
        store().record(event(AuditEvent.LOGIN_SUCCEEDED, user, "third"));
        store().record(event(AuditEvent.LOGIN_SUCCEEDED, UUID.randomUUID(), "someone else"));

        assertEquals(List.of("third", "second", "first"),
                store().find(user, null, 10, 0).stream().map(AuditRecord::detail).toList());
        assertEquals(List.of("third", "first"),
                store().find(user, AuditEvent.LOGIN_SUCCEEDED, 10, 0).stream().map(AuditRecord::detail).toList());
        assertEquals(List.of("second"), store().find(user, null, 1, 1).stream().map(AuditRecord::detail).toList());
    }
}
