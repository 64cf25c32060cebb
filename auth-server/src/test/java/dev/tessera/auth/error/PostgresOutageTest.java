package dev.tessera.auth.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.support.CodeFlow;
import dev.tessera.auth.support.Logins;
import dev.tessera.testing.Http;
import dev.tessera.testing.TcpProxy;
import dev.tessera.testing.TestServices;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: PostgreSQL going away under a running auth server (its connections cut through a proxy, as
 * a crash or restart looks to its clients). Token requests answer 503 {@code temporarily_unavailable}
 * with Retry-After, browsers get a page saying the same, nothing carries internal text; once PostgreSQL
 * is back the same refresh token still works: a request that failed for the outage used nothing up.
 */
class PostgresOutageTest {

    @Test
    void requestsDuringAnOutageAre503AndTheRefreshTokenSurvivesIt() {
        URI database = URI.create(TestServices.endpoints().jdbcUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = TcpProxy.to(database.getHost(), database.getPort())) {
            Map<String, Object> properties = new HashMap<>(TestServices.micronautProperties());
            properties.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getPath()
                    + (database.getQuery() == null ? "" : "?" + database.getQuery()));
            properties.put("datasources.default.connection-timeout", "1500");
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                Http http = new Http(server.getURI());
                Logins logins = new Logins(http);
                String refreshToken = logins.alice().field("refresh_token");

                proxy.cut();
                Http.Response refresh = logins.refresh(refreshToken);
                assertEquals(503, refresh.status(), refresh::toString);
                assertEquals("temporarily_unavailable", refresh.field("error"));
                assertEquals("5", refresh.header("Retry-After"));
                assertNoInternalText(refresh.body());

                Http.Response password = logins.password("alice", "alice-pass");
                assertEquals(503, password.status(), password::toString);
                assertNoInternalText(password.body());

                Http.Response page = http.send(CodeFlow.authorizeUri("mail", "http://127.0.0.1:8091/callback", "openid"),
                        "GET", null, null, null, Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
                assertEquals(503, page.status(), page::toString);
                assertTrue(page.header("Content-Type").startsWith("text/html") && page.body().contains("Try again in a moment"),
                        page.body());
                assertNoInternalText(page.body());

                proxy.restore();
                Http.Response after = logins.refresh(refreshToken);
                long deadline = System.currentTimeMillis() + 20_000;
                while (after.status() == 503 && System.currentTimeMillis() < deadline) {
                    LockSupport.parkNanos(200_000_000); // the pool reconnects
                    after = logins.refresh(refreshToken);
                }
                assertEquals(200, after.status(), "the refresh token that met the outage still rotates: " + after);
            }
        }
    }

    private static void assertNoInternalText(String body) {
        assertFalse(body.contains("Exception") || body.contains("postgresql") || body.contains("Hikari")
                || body.contains("SQL"), body);
    }
}
