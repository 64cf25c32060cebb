package dev.tessera.auth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeyCipherTest {

    private static final String JWK = "{\"kty\":\"RSA\",\"d\":\"private-exponent\",\"n\":\"modulus\"}";

    private static SigningKeyCipher cipher(byte fill, int length) {
        byte[] key = new byte[length];
        java.util.Arrays.fill(key, fill);
        KeyProperties properties = new KeyProperties(SigningAlgorithm.RS256, Duration.ofSeconds(30), Duration.ofMinutes(5),
                Base64.getEncoder().encodeToString(key), false);
        return new SigningKeyCipher(new ServerKeys(properties), properties);
    }

    @Test
    void roundTripHidesThePrivateKeyAndUsesAFreshIvEachTime() {
        SigningKeyCipher cipher = cipher((byte) 7, 32);
        String sealed = cipher.encrypt("kid-1", JWK);
        assertTrue(sealed.startsWith("enc:v1:"));
        assertFalse(sealed.contains("private-exponent"));
        assertNotEquals(sealed, cipher.encrypt("kid-1", JWK));
        assertEquals(JWK, cipher.decrypt("kid-1", sealed));
    }

    @Test
    void tamperingAnotherRowsKidOrAnotherKeyIsDetected() {
        SigningKeyCipher cipher = cipher((byte) 7, 32);
        String sealed = cipher.encrypt("kid-1", JWK);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("kid-2", sealed), "moved to another row");
        assertThrows(IllegalStateException.class, () -> cipher((byte) 8, 32).decrypt("kid-1", sealed), "another key");
        String flipped = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("A==") ? "B==" : "A==");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("kid-1", flipped), "a flipped bit");
    }

    /** Issue 11 #14: someone with write access to the table plants a key of their own, in clear. */
    @Test
    void anUnencryptedKeyPlantedInTheTableIsRefusedOutsideDev() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> cipher((byte) 7, 32).decrypt("planted", JWK));
        assertTrue(refused.getMessage().contains("unencrypted"), refused.getMessage());
    }

    @Test
    void legacyPlaintextRowsStillReadInDevAndShortKeysAreRefused() {
        KeyProperties devProfile = new KeyProperties(SigningAlgorithm.RS256, Duration.ofSeconds(30),
                Duration.ofMinutes(5), Base64.getEncoder().encodeToString(new byte[32]), true);
        SigningKeyCipher dev = new SigningKeyCipher(new ServerKeys(devProfile), devProfile);
        assertEquals(JWK, dev.decrypt("old", JWK));
        assertThrows(IllegalStateException.class, () -> cipher((byte) 7, 16));
    }
}
