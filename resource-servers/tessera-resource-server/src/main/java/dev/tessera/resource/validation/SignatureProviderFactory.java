package dev.tessera.resource.validation;

import dev.tessera.contract.crypto.SignatureProvider;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The provider the JWKS verifiers compute with, reported like the auth server's: 1 native, 0 JDK. */
@Factory
class SignatureProviderFactory {

    @Singleton
    SignatureProvider signatureProvider(CryptoProperties properties, MeterRegistry meters) {
        SignatureProvider provider = SignatureProvider.select(properties.nativeProvider());
        boolean nativeInUse = SignatureProvider.NATIVE.equals(provider.name());
        Gauge.builder("tessera.crypto.provider", () -> nativeInUse ? 1 : 0)
                .description("1 when JWT signatures are verified with the native provider, 0 with the JDK's")
                .tag("use", "jwt").tag("provider", provider.name())
                .register(meters);
        return provider;
    }
}
