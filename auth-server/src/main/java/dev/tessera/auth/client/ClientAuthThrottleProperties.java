package dev.tessera.auth.client;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * How many failed client authentications this replica takes before it stops hashing secrets for them.
 *
 * @param window                       the fixed window failures are counted in
 * @param maxFailuresPerAddress        failures from one address, any client, within a window
 * @param maxFailuresPerClientAtAddress failures for one client from one address within a window
 * @param maxTracked                   counters kept at most (addresses and client-address pairs)
 */
@ConfigurationProperties("tessera.client-auth-throttle")
public record ClientAuthThrottleProperties(
        @Bindable(defaultValue = "1m") Duration window,
        @Bindable(defaultValue = "50") @Min(1) int maxFailuresPerAddress,
        @Bindable(defaultValue = "10") @Min(1) int maxFailuresPerClientAtAddress,
        @Bindable(defaultValue = "100000") @Min(100) int maxTracked) {
}
