package dev.tessera.bench;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One argon2id password hash (RFC 9106), 32 bytes from a 16-byte salt, with BouncyCastle's pure-Java
 * generator and with Debian's libargon2 through argon2-jvm, at equal parameters: Tessera's default
 * (OWASP's m=19 MiB, t=2) and Keycloak 26's default (m=7 MiB, t=5). The two must produce the same
 * bytes; {@link #setUp()} refuses to measure if they do not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Argon2Benchmark {

    @Param({"BouncyCastle", "libargon2"})
    public String implementation;

    @Param({"m=19456,t=2,p=1", "m=7168,t=5,p=1"})
    public String cost;

    private final byte[] password = "alice-pass".getBytes(StandardCharsets.UTF_8);
    private final byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private int memoryKib;
    private int iterations;
    private int parallelism;
    private Argon2Advanced libargon2;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = cost.split(",");
        memoryKib = Integer.parseInt(parts[0].substring(2));
        iterations = Integer.parseInt(parts[1].substring(2));
        parallelism = Integer.parseInt(parts[2].substring(2));
        libargon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
        if (!java.util.Arrays.equals(bouncyCastle(), native13())) {
            throw new IllegalStateException("libargon2 and BouncyCastle disagree at " + cost);
        }
    }

    @Benchmark
    public byte[] hash() {
        return "libargon2".equals(implementation) ? native13() : bouncyCastle();
    }

    private byte[] native13() {
        return libargon2.rawHashAdvanced(iterations, memoryKib, parallelism, password, salt, null, null, 32,
                Argon2Version.V13);
    }

    private byte[] bouncyCastle() {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
        byte[] out = new byte[32];
        generator.generateBytes(password, out);
        return out;
    }
}
