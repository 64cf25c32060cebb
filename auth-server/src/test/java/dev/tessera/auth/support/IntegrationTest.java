package dev.tessera.auth.support;

import dev.tessera.testing.Http;

import dev.tessera.testing.TestServices;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of tests that run the auth server against the real PostgreSQL and Redis from
 * {@link TestServices}. Subclasses add {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected MutableClock clock;

    protected Http http;

    @Override
    public Map<String, String> getProperties() {
        return TestServices.micronautProperties();
    }

    @BeforeEach
    void connectHttp() {
        http = new Http(server.getURI());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
