package dev.tessera.auth.crypto;

import dev.tessera.auth.error.OAuthException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * argon2id in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so a
 * stored hash carries its own cost and old hashes keep verifying after the cost is raised.
 * Concurrent hashes are bounded: each one allocates {@code m} KiB, and a login flood must not
 * exhaust memory; a hash that waits longer than {@code max-wait} for its turn is answered 503.
 * The computation is an {@link Argon2Engine}: libargon2 where it is installed,
 * BouncyCastle otherwise (see {@link CryptoFactory}); both produce the same bytes.
 */
@Singleton
public class Argon2Hasher {

    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(2);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Argon2Properties cost;
    private final Argon2Engine engine;
    private final Semaphore permits;
    private final SecureRandom random = new SecureRandom();

    Argon2Hasher(Argon2Properties cost, Argon2Engine engine) {
        this.cost = cost;
        this.engine = engine;
        int concurrent = cost.maxConcurrent() > 0 ? cost.maxConcurrent() : Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(concurrent, true);
    }

    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = compute(secret, salt, cost.memoryKib(), cost.iterations(), cost.parallelism(), HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code secret} matches {@code encoded}; false for any malformed hash. */
    public boolean verify(String secret, String encoded) {
        Encoded parsed = Encoded.parse(encoded);
        if (parsed == null) {
            return false;
        }
        byte[] actual = compute(secret, parsed.salt, parsed.memoryKib, parsed.iterations, parsed.parallelism, parsed.hash.length);
        return MessageDigest.isEqual(actual, parsed.hash);
    }

    /** Burns the same time as a real verification, so unknown accounts cannot be told apart by timing. */
    public void verifyNothing(String secret) {
        compute(secret, new byte[SALT_BYTES], cost.memoryKib(), cost.iterations(), cost.parallelism(), HASH_BYTES);
    }

    private byte[] compute(String secret, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        // The permit comes before anything is allocated: queued requests hold a thread, never memory.
        awaitTurn();
        byte[] password = secret.getBytes(StandardCharsets.UTF_8);
        try {
            return engine.argon2id(password, salt, memoryKib, iterations, parallelism, length);
        } finally {
            permits.release();
        }
    }

    private void awaitTurn() {
        boolean turn;
        try {
            turn = permits.tryAcquire(cost.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw OAuthException.unavailable("too many sign-ins at once; retry shortly", BUSY_RETRY_AFTER);
        }
    }

    private record Encoded(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

        static Encoded parse(String encoded) {
            if (encoded == null) {
                return null;
            }
            String[] parts = encoded.split("\\$");
            // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
            if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
                return null;
            }
            try {
                int m = 0;
                int t = 0;
                int p = 0;
                for (String kv : parts[3].split(",")) {
                    int value = Integer.parseInt(kv.substring(2));
                    switch (kv.substring(0, 2)) {
                        case "m=" -> m = value;
                        case "t=" -> t = value;
                        case "p=" -> p = value;
                        default -> {
                            return null;
                        }
                    }
                }
                if (m < 8 || t < 1 || p < 1 || m > 4 * 1024 * 1024 || t > 64 || p > 16) {
                    return null;
                }
                return new Encoded(m, t, p, B64D.decode(parts[4]), B64D.decode(parts[5]));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
