package dev.tessera.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} on its own port, for tests that stop and restart Redis without
 * disturbing the shared one. Needs the {@code redis-server} binary ({@code ./tessera services}
 * installs it).
 */
public final class RedisProcess implements AutoCloseable {

    private final int port;
    private final List<String> extraArguments;
    private Process process;

    private RedisProcess(int port, List<String> extraArguments) {
        this.port = port;
        this.extraArguments = extraArguments;
    }

    public static RedisProcess start() {
        RedisProcess redis = new RedisProcess(LocalPorts.free(), List.of());
        redis.startServer();
        return redis;
    }

    /** A replica of the Redis on {@code primaryPort} (users are not replicated: they are made here too). */
    public static RedisProcess startReplicaOf(int primaryPort) {
        RedisProcess redis = new RedisProcess(LocalPorts.free(), List.of("--replicaof", "127.0.0.1", Integer.toString(primaryPort)));
        redis.startServer();
        return redis;
    }

    public int port() {
        return port;
    }

    /** The URI as Redis's default (administrative) user. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** The URI as {@code user} of redis/users.acl, which exists here as on the shared test Redis. */
    public String uriAs(String user) {
        return RedisUsers.uriAs(uri(), user);
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** kill -9: the server dies without a word to its clients or replicas, as a crashed host does. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the server again on the same port (empty: it keeps nothing on disk). */
    public void restart() {
        stop();
        startServer();
    }

    private void startServer() {
        try {
            // A replica writes the primary's snapshot to its directory while syncing: the temporary one, never the module's.
            List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", System.getProperty("java.io.tmpdir")));
            command.addAll(extraArguments);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(new File(System.getProperty("java.io.tmpdir"),
                            "tessera-test-redis-" + port + ".log"))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run redis-server (" + e.getMessage()
                    + "): install it with `./tessera services` or `apt-get install redis-server`", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            } catch (IOException notYet) {
                LocalPorts.pause(50);
                continue;
            }
            try {
                RedisUsers.apply(uri()); // each component connects as its own user, as against the shared Redis
                return;
            } catch (IllegalStateException notYet) {
                LocalPorts.pause(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    @Override
    public void close() {
        stop();
    }
}
