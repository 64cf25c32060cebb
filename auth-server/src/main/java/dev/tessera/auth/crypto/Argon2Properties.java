package dev.tessera.auth.crypto;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * argon2id cost. Defaults are the OWASP Password Storage Cheat Sheet minimum (19 MiB, 2 passes,
 * 1 lane); the validation refuses anything weaker at start-up.
 *
 * @param memoryKib   memory per hash in KiB
 * @param iterations  passes over memory
 * @param parallelism lanes
 * @param maxConcurrent hashes computed at once (each takes memoryKib of memory); 0 = one per core
 * @param maxWait     how long a hash waits for its turn before the request is answered 503 with
 *                    Retry-After: a flood of logins or wrong client secrets queues for this long, not forever
 */
@ConfigurationProperties("tessera.argon2")
public record Argon2Properties(
        @Bindable(defaultValue = "19456") @Min(19456) int memoryKib,
        @Bindable(defaultValue = "2") @Min(2) int iterations,
        @Bindable(defaultValue = "1") @Min(1) int parallelism,
        @Bindable(defaultValue = "0") @Min(0) int maxConcurrent,
        @Bindable(defaultValue = "2s") Duration maxWait) {
}
