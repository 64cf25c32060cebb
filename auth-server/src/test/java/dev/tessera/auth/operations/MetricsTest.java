package dev.tessera.auth.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.Http;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class MetricsTest extends IntegrationTest {

    /** application-test.yml's tessera.metrics.scrape-token. */
    private static final String SCRAPE_TOKEN = "test-metrics-scrape-token";

    /** Issue 11 #12: the meters tell an outsider who is online, how logins fail and whether Redis is down. */
    @Test
    void metricsAreRefusedWithoutTheScrapeToken() {
        assertEquals(401, http.get("/metrics").status());
        assertEquals(401, http.get("/metrics", "Bearer wrong-token-of-some-length").status());
        assertEquals(401, http.get("/metrics", "Bearer " + Logins.class.getSimpleName()).status());
        assertEquals(401, http.get("/metrics", "Bearer " + new Logins(http).alice().field("access_token")).status(),
                "a user's access token is not a scrape token");
    }

    @Test
    void prometheusExpositionCarriesTheTokenAndRevocationMeters() {
        Logins logins = new Logins(http);
        Http.Response login = logins.alice();
        logins.refresh(login.field("refresh_token"));
        logins.revoke(login.field("access_token"));

        Http.Response metrics = http.get("/metrics", "Bearer " + SCRAPE_TOKEN);

        assertEquals(200, metrics.status());
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"));
        for (String meter : new String[] {"tessera_tokens_issued_total{grant=\"password\"}",
                "tessera_refresh_total{outcome=\"rotated\"}", "tessera_revocation_relay_degraded",
                "tessera_revocation_lag_seconds", "tessera_denylist_size", "tessera_revocation_stream_length"}) {
            assertTrue(metrics.body().contains(meter), "missing " + meter);
        }
    }

    @Test
    void healthSaysUpWithoutDetails() {
        Http.Response health = http.get("/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.field("status"));
        assertEquals(1, health.json().size(), "no disk, database or version details for anonymous callers");
    }
}
