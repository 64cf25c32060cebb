package dev.tessera.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hashes already in the database were written by BouncyCastle; libargon2 must verify them, and each
 * engine must verify what the other writes, so switching engines (or falling back) locks nobody out.
 */
class StoredHashCompatibilityTest {

    private final Argon2Properties cost = new Argon2Properties(19456, 2, 1, 0, Duration.ofSeconds(2));
    private final Argon2Hasher java = new Argon2Hasher(cost, new JavaArgon2());
    private final Argon2Hasher nativeHasher = new Argon2Hasher(cost, NativeArgon2.load(new JavaArgon2()));

    /** "alice-pass", written by the BouncyCastle hasher before libargon2 was used, at three costs. */
    @ParameterizedTest
    @ValueSource(strings = {
            "$argon2id$v=19$m=19456,t=2,p=1$W2Ce18MV/wYBaqdphxuaEg$Gxtn05oYU5E7DNqU53OuS/73sDIERIxAC1zaDWKkMrc",
            "$argon2id$v=19$m=7168,t=5,p=1$W2Ce18MV/wYBaqdphxuaEg$e4rteEPg2xWO71q2t57FnSajUwkm1kLOlJ12C7tO1Rs",
            "$argon2id$v=19$m=65536,t=3,p=4$W2Ce18MV/wYBaqdphxuaEg$QB1fD1/Xb4PvswBOaL2b57JUrofni6+Mra9SLnRE4zs"})
    void hashesStoredByBouncyCastleVerifyWithLibargon2(String stored) {
        assertTrue(nativeHasher.verify("alice-pass", stored));
        assertFalse(nativeHasher.verify("alice-pasS", stored));
        assertTrue(java.verify("alice-pass", stored));
    }

    @Test
    void eachEngineVerifiesWhatTheOtherWrites() {
        assertTrue(java.verify("correct horse", nativeHasher.hash("correct horse")));
        assertTrue(nativeHasher.verify("correct horse", java.hash("correct horse")));
    }
}
