package dev.tessera.auth.sso.backchannel;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts logout tokens to clients (OIDC Back-Channel Logout §2.5): right after a sign-out and then
 * every second for anything due, retrying failures with exponential back-off (2 s … 5 min) and
 * giving up after {@value #MAX_ATTEMPTS} attempts.
 */
@Singleton
public class BackchannelLogoutSender {

    private static final Logger LOG = LoggerFactory.getLogger(BackchannelLogoutSender.class);
    static final int MAX_ATTEMPTS = 12;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final BackchannelDeliveries deliveries;
    private final TransactionOperations<Connection> transactions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService soon = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tessera-backchannel-logout");
        thread.setDaemon(true);
        return thread;
    });

    public BackchannelLogoutSender(BackchannelDeliveries deliveries, TransactionOperations<Connection> transactions,
                                   MeterRegistry meters, Clock clock) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /** Delivers what is due without making the caller wait for the clients. */
    public void deliverSoon() {
        soon.execute(this::deliverDue);
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "2s")
    void deliverDue() {
        try {
            transactions.executeWrite(status -> {
                for (BackchannelDeliveries.Due due : deliveries.lockDue(clock.instant(), 50)) {
                    attempt(due);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("back-channel logout delivery round failed: {}", e.getMessage());
        }
    }

    private void attempt(BackchannelDeliveries.Due due) {
        String error;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(due.uri()))
                    .timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token="
                            + URLEncoder.encode(due.logoutToken(), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                deliveries.delivered(due.id(), clock.instant());
                meters.counter("tessera.backchannel.logout", "outcome", "delivered").increment();
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int attempts = due.attempts() + 1;
        Instant next = attempts >= MAX_ATTEMPTS ? null : clock.instant().plus(backoff(attempts));
        deliveries.failed(due.id(), error, next, clock.instant());
        meters.counter("tessera.backchannel.logout", "outcome", next == null ? "given_up" : "retrying").increment();
        LOG.info("back-channel logout to {} failed ({}), attempt {}{}", due.clientId(), error, attempts,
                next == null ? ", giving up" : ", retrying");
    }

    static Duration backoff(int attempts) {
        Duration delay = Duration.ofSeconds(1L << Math.min(attempts, 20));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    @PreDestroy
    void stop() {
        soon.shutdownNow();
    }
}
