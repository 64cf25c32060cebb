package dev.tessera.auth.user;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * The login throttle policy (see SECURITY.md).
 *
 * @param freeFailures     failed logins per account within {@code window} before locking starts
 * @param firstLock        lock after the first failure beyond the free ones; doubles with each further failure
 * @param maxLock          longest lock
 * @param window           how long failures are remembered
 * @param maxFailuresPerIp failed logins from one IP within {@code window} before that IP is refused
 * @param localMaxEntries  counters a replica keeps in memory while Redis is unreachable
 * @param busyWait         how long a login waits for the account's running password checks before a 429
 */
@ConfigurationProperties("tessera.login-throttle")
public record LoginThrottleProperties(
        @Bindable(defaultValue = "5") @Min(1) int freeFailures,
        @Bindable(defaultValue = "2s") Duration firstLock,
        @Bindable(defaultValue = "15m") Duration maxLock,
        @Bindable(defaultValue = "15m") Duration window,
        @Bindable(defaultValue = "100") @Min(1) int maxFailuresPerIp,
        @Bindable(defaultValue = "100000") @Min(100) int localMaxEntries,
        @Bindable(defaultValue = "3s") Duration busyWait) {
}
