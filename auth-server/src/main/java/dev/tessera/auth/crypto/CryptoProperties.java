package dev.tessera.auth.crypto;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Native cryptography switches. Both are on by default; where the native code cannot load, the
 * server falls back to the Java implementation with a warning and reports it in the
 * {@code tessera.crypto.provider} gauge (0 = fallback).
 *
 * @param nativeProvider sign and verify JWTs with Amazon Corretto Crypto Provider (RSA, ECDSA)
 * @param nativeArgon2   hash passwords and client secrets with the system's libargon2
 */
@ConfigurationProperties("tessera.crypto")
public record CryptoProperties(
        @Bindable(defaultValue = "true") boolean nativeProvider,
        @Bindable(defaultValue = "true") boolean nativeArgon2) {
}
