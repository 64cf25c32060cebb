package dev.tessera.resource.web;

import dev.tessera.resource.revocation.FeedState;
import dev.tessera.resource.revocation.RevocationFeed;
import dev.tessera.resource.revocation.RevocationView;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code revocationFeed} in {@code /health}: UP while live or failing open (with the state in the
 * details), DOWN while failing closed, so a load balancer routes around a replica that refuses tokens.
 */
@Singleton
public class RevocationFeedHealthIndicator implements HealthIndicator {

    private final RevocationFeed feed;
    private final RevocationView view;

    public RevocationFeedHealthIndicator(RevocationFeed feed, RevocationView view) {
        this.feed = feed;
        this.view = view;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        FeedState state = feed.state();
        HealthStatus status = state == FeedState.STALE_FAILING_CLOSED ? HealthStatus.DOWN : HealthStatus.UP;
        return Mono.just(HealthResult.builder("revocationFeed", status)
                .details(Map.of("state", state.code(), "silence_ms", view.silenceMillis(), "entries", view.size()))
                .build());
    }
}
