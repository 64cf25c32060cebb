package dev.tessera.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The PHC-string hasher behaves the same over each engine. */
class Argon2HasherTest {

    static Stream<Argon2Engine> engines() {
        return Stream.of(new JavaArgon2(), NativeArgon2.load(new JavaArgon2()));
    }

    private static Argon2Hasher hasher(Argon2Engine engine, int iterations) {
        return new Argon2Hasher(new Argon2Properties(19456, iterations, 1, 0, Duration.ofSeconds(2)), engine);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void hashIsArgon2idAtTheOwaspMinimumAndVerifies(Argon2Engine engine) {
        Argon2Hasher hasher = hasher(engine, 2);
        String hash = hasher.hash("correct horse");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("correct horse", hash));
        assertFalse(hasher.verify("correct horsE", hash));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sameSecretHashesDifferentlyEachTime(Argon2Engine engine) {
        Argon2Hasher hasher = hasher(engine, 2);
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void hashesWithOtherCostsStillVerify(Argon2Engine engine) {
        String cheap = hasher(engine, 3).hash("pw");
        assertTrue(hasher(engine, 2).verify("pw", cheap), "raising the cost must not lock out existing accounts");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void malformedOrForeignHashesNeverVerify(Argon2Engine engine) {
        Argon2Hasher hasher = hasher(engine, 2);
        for (String bad : new String[] {null, "", "plaintext", "$2a$10$abcdefghijklmnopqrstuv", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
                "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=19456,t=2,p=1$!!$!!"}) {
            assertFalse(hasher.verify("pw", bad), String.valueOf(bad));
        }
    }

    @Test
    void aHashThatCannotGetItsTurnInTimeIsAnswered503WithRetryAfterAndAllocatesNothing() throws Exception {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        Argon2Engine slow = new Argon2Engine() {
            @Override
            public byte[] argon2id(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
                started.incrementAndGet();
                computing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new byte[length];
            }

            @Override
            public String name() {
                return "held";
            }
        };
        Argon2Hasher hasher = new Argon2Hasher(new Argon2Properties(19456, 2, 1, 1, Duration.ofMillis(200)), slow);
        Thread first = new Thread(() -> hasher.hash("first"));
        first.start();
        assertTrue(computing.await(5, TimeUnit.SECONDS));
        try {
            OAuthException busy = assertThrows(OAuthException.class, () -> hasher.verifyNothing("second"));
            assertEquals(OAuthError.TEMPORARILY_UNAVAILABLE, busy.error());
            assertEquals(Duration.ofSeconds(2), busy.retryAfter());
            assertEquals(1, started.get(), "the refused hash never reached the engine");
        } finally {
            release.countDown();
            first.join();
        }
    }
}
