package dev.tessera.auth.token.store;

import dev.tessera.auth.token.TokenProperties;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The one {@link RotationPolicy}, from the configured grace window and idle lifetime. */
@Factory
public class RotationPolicyFactory {

    @Singleton
    public RotationPolicy rotationPolicy(TokenProperties tokens) {
        return new RotationPolicy(tokens.reuseGraceWindow(), tokens.refreshIdleTtl());
    }
}
