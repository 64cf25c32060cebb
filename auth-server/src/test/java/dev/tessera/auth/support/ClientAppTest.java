package dev.tessera.auth.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * An integration test with a {@link ClientApp} standing in for an SSO client (its redirect URI and its
 * back-channel logout endpoint) and the sign-in flow against it ({@link #sso()}).
 */
public abstract class ClientAppTest extends IntegrationTest {

    protected ClientApp app;

    @BeforeAll
    void startClientApp() throws Exception {
        app = ClientApp.start();
    }

    @AfterAll
    void stopClientApp() {
        app.close();
    }

    /** The sign-in flow of a client at {@link #app}. */
    protected SsoSignIn sso() {
        return new SsoSignIn(http, app);
    }
}
