package dev.tessera.auth.crypto;

import dev.tessera.contract.crypto.SignatureProvider;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the native implementations where they load and reports the choice as the gauge
 * {@code tessera.crypto.provider{use, provider}}: 1 when the native one is in use, 0 when the server
 * fell back to Java (or the switch in {@link CryptoProperties} turned it off).
 */
@Factory
class CryptoFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CryptoFactory.class);

    @Singleton
    SignatureProvider signatureProvider(CryptoProperties properties, MeterRegistry meters) {
        SignatureProvider provider = SignatureProvider.select(properties.nativeProvider());
        report(meters, "jwt", provider.name(), SignatureProvider.NATIVE.equals(provider.name()));
        return provider;
    }

    @Singleton
    Argon2Engine argon2Engine(CryptoProperties properties, MeterRegistry meters) {
        Argon2Engine engine = argon2(properties.nativeArgon2());
        report(meters, "argon2", engine.name(), NativeArgon2.NAME.equals(engine.name()));
        return engine;
    }

    /** libargon2 when wanted and loadable; BouncyCastle, which computes the same hashes, otherwise. */
    static Argon2Engine argon2(boolean preferNative) {
        return argon2(preferNative, NativeArgon2::load);
    }

    static Argon2Engine argon2(boolean preferNative, Function<Argon2Engine, Argon2Engine> loadNative) {
        JavaArgon2 java = new JavaArgon2();
        if (!preferNative) {
            LOG.info("argon2id: BouncyCastle (native argon2 is turned off)");
            return java;
        }
        try {
            Argon2Engine engine = loadNative.apply(java);
            LOG.info("argon2id: the system's libargon2");
            return engine;
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("argon2id: BouncyCastle, about a third as fast, because libargon2 cannot be used ({}: {}); "
                    + "install it with: apt-get install libargon2-1", e.getClass().getSimpleName(), e.getMessage());
            return java;
        }
    }

    private static void report(MeterRegistry meters, String use, String implementation, boolean nativeInUse) {
        Gauge.builder("tessera.crypto.provider", () -> nativeInUse ? 1 : 0)
                .description("1 when the native implementation is in use, 0 when the Java one is")
                .tag("use", use).tag("provider", implementation)
                .register(meters);
    }
}
