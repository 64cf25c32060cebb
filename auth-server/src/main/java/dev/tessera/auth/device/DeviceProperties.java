package dev.tessera.auth.device;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Device registry settings.
 *
 * @param sessionPolicy default policy for clients that set none ({@code unlimited}, {@code one-per-device-type}, {@code single})
 * @param onlineWindow  a device seen within this window counts as online in the admin stats
 */
@ConfigurationProperties("tessera.devices")
public record DeviceProperties(
        @Bindable(defaultValue = "UNLIMITED") @NotNull SessionPolicy sessionPolicy,
        @Bindable(defaultValue = "5m") Duration onlineWindow) {
}
