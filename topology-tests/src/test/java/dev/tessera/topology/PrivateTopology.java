package dev.tessera.topology;

import dev.tessera.testing.TestServices;
import dev.tessera.testing.WebClientRegistrations;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A topology of its own, started by the real launcher ({@code ./tessera up}) from the jars this build
 * made: nginx in front of one auth server and two replicas per scheme, all on free ports, with its own
 * state directory, the test database and the test Redis. It never touches the default-port topology a
 * developer may be running beside it, and it stops only what it started.
 */
final class PrivateTopology implements AutoCloseable {

    static final String CLIENT_ID = "smoke-mail";
    static final String STICKY_COOKIE = "mail_sticky_session";

    private final Path root = Path.of(System.getProperty("tessera.root", "..")).toAbsolutePath().normalize();
    private final Path state;
    private final Map<String, String> env = new LinkedHashMap<>();
    final int auth = freePort();
    final int[] api = {freePort(), freePort()};
    final int[] mail = {freePort(), freePort()};
    final int[] sticky = {freePort(), freePort()};
    final int nginxAuth = freePort();
    final int nginxSticky = freePort();
    final int nginxRedis = freePort();
    final int nginxJwt = freePort();

    private PrivateTopology() throws IOException {
        state = Files.createTempDirectory("tessera-smoke-");
        TestServices.Endpoints services = TestServices.endpoints();
        env.put("TESSERA_STATE", state.toString());
        env.put("TESSERA_SKIP_BUILD", "1");
        env.put("TESSERA_SKIP_SERVICES", "1");
        env.put("AUTH_PORT", Integer.toString(auth));
        env.put("API_PORTS", ports(api));
        env.put("MAIL_PORTS", ports(mail));
        env.put("STICKY_PORTS", ports(sticky));
        env.put("DOCS_PORT", "");
        env.put("NGINX_AUTH_PORT", Integer.toString(nginxAuth));
        env.put("NGINX_STICKY_PORT", Integer.toString(nginxSticky));
        env.put("NGINX_REDIS_PORT", Integer.toString(nginxRedis));
        env.put("NGINX_JWT_PORT", Integer.toString(nginxJwt));
        // The issuer is the public address, as in production: the whole SSO flow goes through nginx.
        env.put("TESSERA_ISSUER", url(nginxAuth));
        env.put("TESSERA_DB_URL", services.jdbcUrl());
        env.put("TESSERA_DB_USER", services.pgUser());
        env.put("TESSERA_DB_PASSWORD", services.pgPassword());
        env.put("TESSERA_REDIS_URI", services.redisUri());
        env.put("TESSERA_REDIS_PORT", Integer.toString(java.net.URI.create(services.redisUri()).getPort()));
        env.put("TESSERA_KEYS_ENCRYPTION_KEY", TestServices.SIGNING_KEY_ENCRYPTION_KEY);
        env.put("MAIL_CLIENT_ID", CLIENT_ID);
        env.put("MAIL_CLIENT_SECRET", WebClientRegistrations.SECRET);
        env.put("STICKY_COOKIE", STICKY_COOKIE);
        env.put("TESSERA_JAVA_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmx192m");
    }

    /** Registers the smoke test's web client for the nginx listeners, then starts everything. */
    static PrivateTopology start() throws Exception {
        for (String jar : List.of("auth-server/target/auth-server-0.1.0-SNAPSHOT.jar",
                "resource-servers/orders-api/target/orders-api-0.1.0-SNAPSHOT.jar",
                "sso-clients/target/sso-clients-0.1.0-SNAPSHOT.jar")) {
            Path root = Path.of(System.getProperty("tessera.root", "..")).toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve(jar))) {
                throw new IllegalStateException(jar + " is missing: run the whole build (./tessera test, or mvn verify "
                        + "from the top), which packages the servers before this module");
            }
        }
        PrivateTopology topology = new PrivateTopology();
        try {
            topology.launcher(240, "up");
            WebClientRegistrations.register(CLIENT_ID, List.of(url(topology.nginxSticky), url(topology.nginxRedis)));
            return topology;
        } catch (Exception | AssertionError e) {
            topology.close();
            throw e;
        }
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Runs {@code ./tessera ARGS} against this topology; its output, or a failure that shows it. */
    String launcher(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("tessera").toString()));
        command.addAll(List.of(args));
        Path output = state.resolve("launcher-" + args[0] + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("./tessera " + String.join(" ", args) + " did not finish in " + timeoutSeconds
                    + " s:\n" + Files.readString(output) + logTails());
        }
        String text = Files.readString(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./tessera " + String.join(" ", args) + " failed (" + process.exitValue()
                    + "):\n" + text + logTails());
        }
        return text;
    }

    /** nginx's access log as written so far (nginx flushes its buffer every second). */
    List<String> accessLog() throws IOException {
        Path log = state.resolve("nginx/access.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private String logTails() {
        StringBuilder out = new StringBuilder();
        try (var files = Files.list(state.resolve("logs"))) {
            for (Path log : files.toList()) {
                List<String> lines = Files.readAllLines(log);
                out.append("\n--- ").append(log.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
        } catch (IOException e) {
            out.append("\n(no logs: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    @Override
    public void close() {
        try {
            launcher(120, "down");
            try (var run = Files.walk(state.resolve("run"))) {
                for (Path jar : run.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(jar);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String ports(int[] ports) {
        return java.util.Arrays.stream(ports).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    private static final Set<Integer> TAKEN = new HashSet<>();

    /** A port nothing listens on, and that this topology has not handed out yet. */
    private static synchronized int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (TAKEN.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
