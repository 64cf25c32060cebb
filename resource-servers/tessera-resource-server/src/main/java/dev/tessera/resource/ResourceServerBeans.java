package dev.tessera.resource;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Defaults the library brings when the application has none of its own. */
@Factory
public class ResourceServerBeans {

    /**
     * The clock every expiry, staleness and refetch decision reads. An application (or a test) that
     * declares its own {@link Clock} bean replaces it, so tests move time instead of sleeping.
     */
    @Singleton
    @Requires(missingBeans = Clock.class)
    public Clock tesseraResourceServerClock() {
        return Clock.systemUTC();
    }
}
