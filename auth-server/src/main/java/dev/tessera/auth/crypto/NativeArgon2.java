package dev.tessera.auth.crypto;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The reference C implementation of argon2id from the system's libargon2 (Debian's {@code libargon2-1}),
 * called through argon2-jvm (JNA). Its memory is allocated natively, outside the Java heap.
 */
final class NativeArgon2 implements Argon2Engine {

    static final String NAME = "libargon2";

    private final Argon2Advanced argon2;

    private NativeArgon2(Argon2Advanced argon2) {
        this.argon2 = argon2;
    }

    /**
     * Loads libargon2 and checks it against {@code reference} on a small input, so a library that loads but
     * computes something else (another version, another variant) is never used to store a hash.
     *
     * @throws LinkageError          when the library is not installed
     * @throws IllegalStateException when it answers differently from the reference
     */
    static NativeArgon2 load(Argon2Engine reference) {
        NativeArgon2 engine = new NativeArgon2(Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id));
        byte[] password = "known answer".getBytes(StandardCharsets.UTF_8);
        byte[] salt = "sixteen byte slt".getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(engine.argon2id(password, salt, 64, 2, 1, 32), reference.argon2id(password, salt, 64, 2, 1, 32))) {
            throw new IllegalStateException("libargon2 disagrees with " + reference.name() + " on a known input");
        }
        return engine;
    }

    @Override
    public byte[] argon2id(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        return argon2.rawHashAdvanced(iterations, memoryKib, parallelism, password, salt, null, null, length,
                Argon2Version.V13);
    }

    @Override
    public String name() {
        return NAME;
    }
}
