package dev.tessera.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.Http;
import dev.tessera.auth.support.Logins;
import dev.tessera.testing.TestServices;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys and refresh families live in PostgreSQL: a restarted server accepts what the previous one issued. */
class RestartSurvivalTest {

    @Test
    void tokensIssuedBeforeARestartStillWorkAfterIt() {
        Map<String, Object> properties = new HashMap<>(TestServices.micronautProperties());
        String refreshToken;
        String accessToken;
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Http.Response login = new Logins(new Http(first.getURI())).alice();
            refreshToken = login.field("refresh_token");
            accessToken = login.field("access_token");
        }
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Logins logins = new Logins(new Http(second.getURI()));
            assertTrue(logins.active(accessToken), "the signing key survived the restart");
            Http.Response refreshed = logins.refresh(refreshToken);
            assertEquals(200, refreshed.status(), refreshed::toString);
        }
    }
}
