package dev.tessera.resource.support;

import dev.tessera.testing.OffsetClock;
import jakarta.inject.Singleton;

/**
 * The library's clock in its tests, replacing the default clock bean (ResourceServerBeans): expiry,
 * staleness and JWKS refetch limits are tested by moving it, never by sleeping.
 */
@Singleton
public class TestClock extends OffsetClock {
}
