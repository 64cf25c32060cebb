package dev.tessera.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** libargon2 where it is installed; BouncyCastle where it is turned off, missing or wrong. */
class Argon2EngineSelectionTest {

    @Test
    void libargon2IsUsedWhereItIsInstalled() {
        assertEquals(NativeArgon2.NAME, CryptoFactory.argon2(true).name(),
                "libargon2 should load here; install it with: apt-get install libargon2-1");
    }

    @Test
    void turnedOffUsesBouncyCastle() {
        assertEquals(JavaArgon2.NAME, CryptoFactory.argon2(false).name());
    }

    @Test
    void aMissingLibraryFallsBackToBouncyCastle() {
        Argon2Engine engine = CryptoFactory.argon2(true, reference -> {
            throw new UnsatisfiedLinkError("Unable to load library 'argon2'");
        });
        assertEquals(JavaArgon2.NAME, engine.name());
    }

    @Test
    void aLibraryThatComputesSomethingElseIsRefused() {
        Argon2Engine wrong = new Argon2Engine() {
            @Override
            public byte[] argon2id(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
                return new byte[length];
            }

            @Override
            public String name() {
                return "wrong";
            }
        };
        assertThrows(IllegalStateException.class, () -> NativeArgon2.load(wrong));
        assertEquals(JavaArgon2.NAME, CryptoFactory.argon2(true, reference -> NativeArgon2.load(wrong)).name());
    }
}
