package dev.tessera.auth.keys;

import dev.tessera.auth.token.TokenProperties;
import dev.tessera.contract.crypto.SignatureProvider;
import java.time.Clock;
import java.time.Duration;

/** A started key ring over an in-memory store, for plain-Java tests that sign tokens. */
public final class TestKeys {

    private TestKeys() {
    }

    public static KeyManager keyManager(TokenProperties tokens, Clock clock) {
        KeyManager keys = new KeyManager(new InMemorySigningKeyStore(), new KeyProperties(SigningAlgorithm.ES256,
                Duration.ofSeconds(30), Duration.ofMinutes(5), "unused: the in-memory store does not encrypt"), tokens, clock,
                SignatureProvider.jdk());
        keys.start();
        return keys;
    }
}
