package dev.tessera.auth.support;

import dev.tessera.testing.OffsetClock;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The auth server's clock in tests: the system clock plus an offset tests can advance, so expiry and grace windows need no sleeping. */
@Singleton
@Replaces(Clock.class)
public class MutableClock extends OffsetClock {
}
