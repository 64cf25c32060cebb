package dev.tessera.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2HasherTest {

    private final Argon2Hasher hasher = new Argon2Hasher(new Argon2Properties(19456, 2, 1, 0));

    @Test
    void hashIsArgon2idAtTheOwaspMinimumAndVerifies() {
        String hash = hasher.hash("correct horse");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("correct horse", hash));
        assertFalse(hasher.verify("correct horsE", hash));
    }

    @Test
    void sameSecretHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void hashesWithOtherCostsStillVerify() {
        String cheap = new Argon2Hasher(new Argon2Properties(19456, 3, 1, 0)).hash("pw");
        assertTrue(hasher.verify("pw", cheap), "raising the cost must not lock out existing accounts");
    }

    @Test
    void malformedOrForeignHashesNeverVerify() {
        for (String bad : new String[] {null, "", "plaintext", "$2a$10$abcdefghijklmnopqrstuv", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
                "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=19456,t=2,p=1$!!$!!"}) {
            assertFalse(hasher.verify("pw", bad), String.valueOf(bad));
        }
    }
}
