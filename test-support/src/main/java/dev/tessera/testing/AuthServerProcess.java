package dev.tessera.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real auth server, run from its jar in its own JVM (so its beans never mix with the service
 * under test), against the test PostgreSQL and the given Redis, with the demo data.
 * The jar comes from the system property {@code tessera.auth-server.jar}, which the build sets.
 */
public final class AuthServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AuthServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts it with the test services' Redis (as its own Redis user, tessera-auth). */
    public static AuthServerProcess start(Map<String, String> properties) {
        return start(TestServices.endpoints().redisUri(), properties);
    }

    public static AuthServerProcess start(String redisUri, Map<String, String> properties) {
        String jar = System.getProperty("tessera.auth-server.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("auth server jar not found at " + jar
                    + ": build it first (mvn -pl auth-server package), or run the whole build with ./tessera test");
        }
        TestServices.Endpoints services = TestServices.endpoints();
        int port = LocalPorts.free();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("micronaut.server.port", Integer.toString(port));
        all.put("tessera.tokens.issuer", "http://127.0.0.1:" + port);
        all.put("datasources.default.url", services.jdbcUrl());
        all.put("datasources.default.username", services.pgUser());
        all.put("datasources.default.password", services.pgPassword());
        all.put("redis.uri", RedisUsers.uriAs(redisUri, "tessera-auth"));
        all.put("tessera.demo-data.enabled", "true");
        all.put("tessera.keys.encryption-key", TestServices.SIGNING_KEY_ENCRYPTION_KEY);
        all.put("tessera.login-throttle.max-failures-per-ip", "1000000");
        all.put("tessera.http.require-https", "false"); // plain http on loopback, like the dev profile
        all.putAll(properties);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-Xss512k"));
        all.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar));
        try {
            Path log = Files.createTempFile("tessera-auth-server-" + port + "-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            AuthServerProcess server = new AuthServerProcess(process, port, log);
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the auth server: " + e.getMessage(), e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String issuer() {
        return uri().toString();
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the auth server exited during start-up:\n" + logTail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri().resolve("/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            LocalPorts.pause(200);
        }
        close();
        throw new IllegalStateException("the auth server did not become healthy:\n" + logTail());
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }



    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
