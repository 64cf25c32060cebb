package dev.tessera.auth.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for an SSO client application: its base URL hosts the redirect URIs, and
 * {@code /backchannel} receives OIDC back-channel logout posts.
 */
public final class ClientApp implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<String> logoutTokens = new LinkedBlockingQueue<>();

    private ClientApp(HttpServer server) {
        this.server = server;
    }

    public static ClientApp start() throws IOException {
        ClientApp app = new ClientApp(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        app.server.createContext("/backchannel", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            app.logoutTokens.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.server.start();
        return app;
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String backchannelUri() {
        return base() + "/backchannel";
    }

    /** The next logout token posted to the app, or null when none arrives in time. */
    public String nextLogoutToken(Duration timeout) throws InterruptedException {
        return logoutTokens.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
