package dev.tessera.contract.revocation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevocationRuleTest {

    private static final Instant IAT = Instant.ofEpochMilli(10_000);
    private final Map<RevocationTarget, Long> marks = new HashMap<>();
    private final RevocableToken token = new RevocableToken("j", "d", "u", "mail", IAT);

    private boolean revoked(RevocableToken t) {
        return RevocationRule.isRevoked(t, marks::get);
    }

    @Test
    void aJtiMarkRefusesItsTokenWhateverItsTime() {
        marks.put(new RevocationTarget(RevocationEvent.Kind.JTI, "j"), 1L);
        assertTrue(revoked(token));
    }

    @Test
    void deviceAndUserMarksCoverTokensIssuedAtOrBeforeThem() {
        marks.put(new RevocationTarget(RevocationEvent.Kind.DEVICE, "d"), 10_000L);
        assertTrue(revoked(token), "issued at the mark");
        marks.put(new RevocationTarget(RevocationEvent.Kind.DEVICE, "d"), 9_999L);
        assertFalse(revoked(token), "issued after the mark");
        marks.put(new RevocationTarget(RevocationEvent.Kind.USER, "u"), 20_000L);
        assertTrue(revoked(token));
    }

    @Test
    void aDeviceClientMarkCoversOnlyThatClientOnThatDevice() {
        marks.put(RevocationTarget.deviceClient("d", "mail"), 20_000L);
        assertTrue(revoked(token));
        assertFalse(revoked(new RevocableToken("j", "d", "u", "docs", IAT)), "another client on the device");
        assertFalse(revoked(new RevocableToken("j", "other", "u", "mail", IAT)), "the client on another device");
    }

    @Test
    void tokensWithoutADeviceAreCheckedByJtiAndSubjectOnly() {
        marks.put(RevocationTarget.deviceClient("null", "svc"), 20_000L);
        assertFalse(revoked(new RevocableToken("j", null, "svc", "svc", IAT)));
    }
}
