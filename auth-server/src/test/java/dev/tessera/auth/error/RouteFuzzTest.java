package dev.tessera.auth.error;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.testing.RouteFuzzer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Garbage to every route of the auth server ({@link RouteFuzzer}), the routes read from Micronaut's route
 * table (a new endpoint is fuzzed without anyone listing it), the privileged cases with an admin's bearer
 * token; and raw requests no HTTP client would send. Every answer must be below 500 and free of internal
 * text (exception names, stack frames, SQL or Redis messages).
 */
@MicronautTest(transactional = false)
class RouteFuzzTest extends IntegrationTest {

    @Inject
    Router router;

    @Test
    void noGarbageOnAnyRouteGetsA5xxOrInternalText() {
        List<RouteFuzzer.Route> routes = router.uriRoutes()
                .map(route -> new RouteFuzzer.Route(route.getHttpMethodName(), route.getUriMatchTemplate().toString()))
                .distinct().toList();
        assertTrue(routes.size() >= 40, "the route table lists the server's endpoints: " + routes);

        RouteFuzzer.Findings findings = RouteFuzzer.fuzz(http, routes, new Logins(http).adminToken());

        assertTrue(findings.sent() > routes.size() * 20, "most garbage was sent: " + findings.sent());
        assertTrue(findings.failures().isEmpty(), findings.failures().size() + " bad answers:\n"
                + String.join("\n", findings.failures()));
    }

    @Test
    void rawRequestsNoClientWouldSendGetA4xxOrAClosedConnection() throws IOException {
        List<String> failures = RouteFuzzer.fuzzRaw(server.getHost(), server.getPort(), "/oauth/authorize", "/oauth/token");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
