package dev.tessera.webclient;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.Http;
import dev.tessera.testing.RouteFuzzer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 10: the web client's routes, read from its route table, get the same garbage as the auth
 * server's ({@link RouteFuzzer}), including raw requests no client would send: no 5xx, no internal text.
 * The issuer is unreachable, so the callback's code exchange fails too: that must be a clean answer as well.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebClientRouteFuzzTest {

    private EmbeddedServer server;

    @BeforeAll
    void start() {
        Map<String, Object> properties = OfflineClient.properties("fuzzed");
        properties.put("tessera.web-client.debug-endpoints", "true");
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noGarbageOnAnyRouteGetsA5xxOrInternalText() {
        List<RouteFuzzer.Route> routes = server.getApplicationContext().getBean(Router.class).uriRoutes()
                .map(route -> new RouteFuzzer.Route(route.getHttpMethodName(), route.getUriMatchTemplate().toString()))
                .distinct().toList();
        assertTrue(routes.size() >= 6, "the route table lists the client's endpoints: " + routes);

        RouteFuzzer.Findings findings = RouteFuzzer.fuzz(new Http(server.getURI()), routes, null);

        assertTrue(findings.sent() > routes.size() * 20, "most garbage was sent: " + findings.sent());
        assertTrue(findings.failures().isEmpty(), findings.failures().size() + " bad answers:\n"
                + String.join("\n", findings.failures()));
    }

    @Test
    void rawRequestsNoClientWouldSendGetA4xxOrAClosedConnection() throws IOException {
        List<String> failures = RouteFuzzer.fuzzRaw(server.getHost(), server.getPort(), "/callback", "/backchannel-logout");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
