package dev.tessera.contract.revocation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
    void userMarksCoverTokensIssuedAtOrBeforeThem() {
        marks.put(new RevocationTarget(RevocationEvent.Kind.USER, "u"), 10_000L);
        assertTrue(revoked(token), "issued at the mark");
        marks.put(new RevocationTarget(RevocationEvent.Kind.USER, "u"), 9_999L);
        assertFalse(revoked(token), "issued a millisecond after the mark: a new sign-in");
        marks.put(new RevocationTarget(RevocationEvent.Kind.USER, "u"), 20_000L);
        assertTrue(revoked(token));
    }

    /** Issue 11 #9: a token minted after a kick's mark (a replica behind in time, a race) still belongs to a signed-out device. */
    @Test
    void tokenMintedAfterItsDevicesKickIsRefused() {
        marks.put(new RevocationTarget(RevocationEvent.Kind.DEVICE, "d"), 9_000L);
        assertTrue(revoked(token), "a device mark covers every token of the device, whatever its issue time");
        assertFalse(revoked(new RevocableToken("j", "other", "u", "mail", IAT)), "not another device's");
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

    /**
     * Issue 11 #18: a resource server allowing more clock skew than the auth server kept its marks would
     * accept a revoked token after the mark expired. Every verifier's policy is capped at what marks outlive.
     */
    @Test
    void aVerifierCannotAllowMoreClockSkewThanRevocationMarksOutliveTokens() {
        Instant exp = Instant.ofEpochSecond(1_000);
        assertTrue(RevocationRule.relevantUntil(exp).isAfter(exp.plus(RevocationRule.MAX_VERIFIER_CLOCK_SKEW).minusMillis(1)));
        java.time.Clock clock = java.time.Clock.systemUTC();
        new dev.tessera.contract.jwt.AccessTokenPolicy("i", "a", Set.of(), RevocationRule.MAX_VERIFIER_CLOCK_SKEW, clock);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new dev.tessera.contract.jwt
                .AccessTokenPolicy("i", "a", Set.of(), RevocationRule.MAX_VERIFIER_CLOCK_SKEW.plusSeconds(1), clock));
    }
}
