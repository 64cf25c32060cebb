package dev.tessera.auth.revocation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * When a revocation counts as published. Redis replicates asynchronously: a mark the primary took can be
 * lost in a failover if no replica had it yet. With {@code replicaAcks} above 0 the relay marks outbox rows
 * published only once that many replicas acknowledged the batch (Redis {@code WAIT}); until then the rows
 * stay pending and are published again. The HA topology ({@code ./tessera up --ha}) sets 1.
 *
 * @param replicaAcks       replicas that must hold a batch before its rows count as published; 0: the primary alone
 * @param replicaAckTimeout how long the relay waits for those acknowledgements per batch
 */
@ConfigurationProperties("tessera.revocation.denylist")
public record DenylistProperties(
        @Bindable(defaultValue = "0") @Min(0) int replicaAcks,
        @Bindable(defaultValue = "500ms") Duration replicaAckTimeout) {
}
