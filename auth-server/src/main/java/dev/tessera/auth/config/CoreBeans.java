package dev.tessera.auth.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Shared infrastructure beans. */
@Factory
public class CoreBeans {

    /** One clock for every expiry decision, so tests can reason about time. */
    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}
