package dev.tessera.contract.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevocationWireTest {

    private final RevocationEvent event = new RevocationEvent(RevocationEvent.Kind.DEVICE_CLIENT, "d-1:mail",
            Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(9_000), "revoked_by_client");

    @Test
    void streamEntriesRoundTrip() {
        assertEquals(event, RevocationWire.fromStream(RevocationWire.streamFields(event)));
    }

    @Test
    void markKeysNameTheirTargetBackIncludingSubjectsWithColons() {
        String key = RevocationWire.key(event.target());
        assertEquals(Optional.of(event.target()), RevocationWire.target(key));
        assertTrue(key.startsWith(RevocationWire.keyPattern().replace("*", "")));
        assertEquals(1_000, RevocationWire.revokedAtMillis(RevocationWire.markValue(event)));
    }

    @Test
    void foreignKeysAndUnknownKindsAreNotMarks() {
        assertFalse(RevocationWire.target("session:abc").isPresent());
        assertFalse(RevocationWire.target(RevocationWire.keyPattern().replace("*", "") + "future-kind:x").isPresent());
    }

    @Test
    void malformedStreamEntriesAreRefused() {
        Map<String, String> fields = new HashMap<>(RevocationWire.streamFields(event));
        fields.put("kind", "nonsense");
        assertThrows(IllegalArgumentException.class, () -> RevocationWire.fromStream(fields));
        assertThrows(IllegalArgumentException.class, () -> RevocationWire.fromStream(Map.of()));
    }
}
