package dev.tessera.resource.revocation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The revocation feed. The stream and key names are not settings: they are the contract
 * ({@link dev.tessera.contract.revocation.RevocationWire}).
 *
 * @param stalenessBound how long the feed may be silent (Redis unreachable) before the view counts as stale
 * @param failOpen       when stale: false (default) refuses bearer requests with 503; true keeps serving
 *                       from the last known view
 * @param block          how long one XREAD waits for new events
 */
@ConfigurationProperties("tessera.resource-server.revocation")
public record RevocationFeedProperties(
        @Bindable(defaultValue = "10s") Duration stalenessBound,
        @Bindable(defaultValue = "false") boolean failOpen,
        @Bindable(defaultValue = "1s") Duration block) {
}
