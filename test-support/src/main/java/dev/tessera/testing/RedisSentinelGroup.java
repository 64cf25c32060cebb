package dev.tessera.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A private Redis with Sentinel, as {@code ./tessera up --ha} runs one: a primary, a replica and three
 * sentinels (quorum 2) on free ports, for tests that kill the primary and watch a failover. Components
 * connect through {@link #uriAs}, a {@code redis-sentinel://} URI, so they follow the failover by
 * themselves. Sentinels are asked with {@code redis-cli} (installed with {@code redis-server}).
 */
public final class RedisSentinelGroup implements AutoCloseable {

    public static final String MASTER = "tessera";
    /** Short, for tests: a primary silent this long is subjectively down (the launcher uses 2 s). */
    private static final Duration DOWN_AFTER = Duration.ofMillis(1000);

    private final List<RedisProcess> nodes = new ArrayList<>();
    private final List<Process> sentinels = new ArrayList<>();
    private final List<Integer> sentinelPorts = new ArrayList<>();
    private final Path directory;

    private RedisSentinelGroup() {
        try {
            directory = Files.createTempDirectory("tessera-sentinel-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the group and returns once every sentinel knows the replica and the two other sentinels. */
    public static RedisSentinelGroup start() {
        RedisSentinelGroup group = new RedisSentinelGroup();
        try {
            RedisProcess primary = RedisProcess.start();
            group.nodes.add(primary);
            group.nodes.add(RedisProcess.startReplicaOf(primary.port()));
            for (int i = 0; i < 3; i++) {
                group.startSentinel(primary.port());
            }
            group.await(Duration.ofSeconds(30), group::settled, "the sentinels did not find the replica and each other");
            return group;
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    /** The URI a component connects with as {@code user} of redis/users.acl: through the sentinels, to the primary. */
    public String uriAs(String user) {
        return "redis-sentinel://" + RedisUsers.userInfo(user) + "@" + sentinelPorts.stream()
                .map(port -> "127.0.0.1:" + port).collect(Collectors.joining(",")) + "/0#" + MASTER;
    }

    /** The node the sentinels name as primary now. */
    public RedisProcess primary() {
        int port = primaryPort();
        return nodes.stream().filter(node -> node.port() == port).findFirst()
                .orElseThrow(() -> new IllegalStateException("the sentinels name an unknown primary :" + port));
    }

    /**
     * Kills the primary (kill -9) and returns the node the sentinels promoted, once it answers as primary.
     * The old primary stays down.
     */
    public RedisProcess killPrimaryAndAwaitFailover(Duration timeout) {
        RedisProcess old = primary();
        old.kill();
        await(timeout, () -> primaryPort() != old.port() && "master".equals(role(primary().port())),
                "no replica was promoted after the primary on :" + old.port() + " died");
        return primary();
    }

    /** Starts another replica of the current primary (as an operator replaces a dead node) and waits until it is in sync. */
    public RedisProcess addReplica() {
        RedisProcess replica = RedisProcess.startReplicaOf(primaryPort());
        nodes.add(replica);
        await(Duration.ofSeconds(30), () -> redisCli(replica.port(), "INFO", "replication").contains("master_link_status:up"),
                "the new replica on :" + replica.port() + " did not sync");
        return replica;
    }

    private int primaryPort() {
        String[] address = redisCli(sentinelPorts.get(0), "SENTINEL", "get-master-addr-by-name", MASTER).split("\n");
        return Integer.parseInt(address[1].trim());
    }

    private boolean settled() {
        for (int port : sentinelPorts) {
            List<String> fields = List.of(redisCli(port, "SENTINEL", "master", MASTER).split("\n"));
            if (!"1".equals(field(fields, "num-slaves")) || !"2".equals(field(fields, "num-other-sentinels"))) {
                return false;
            }
        }
        return true;
    }

    private static String role(int port) {
        return redisCli(port, "ROLE").split("\n")[0].trim();
    }

    private static String field(List<String> fields, String name) {
        int at = fields.indexOf(name);
        return at < 0 || at + 1 >= fields.size() ? null : fields.get(at + 1).trim();
    }

    private void startSentinel(int primaryPort) {
        int port = LocalPorts.free();
        Path config = directory.resolve("sentinel-" + port + ".conf");
        try {
            // Sentinel rewrites its configuration file as it learns the topology: it must be its own and writable.
            Files.writeString(config, String.join("\n",
                    "port " + port,
                    "bind 127.0.0.1",
                    "dir " + directory,
                    "sentinel monitor " + MASTER + " 127.0.0.1 " + primaryPort + " 2",
                    "sentinel down-after-milliseconds " + MASTER + " " + DOWN_AFTER.toMillis(),
                    "sentinel failover-timeout " + MASTER + " 10000",
                    "sentinel parallel-syncs " + MASTER + " 1", ""), StandardCharsets.UTF_8);
            sentinels.add(new ProcessBuilder("redis-server", config.toString(), "--sentinel")
                    .redirectErrorStream(true).redirectOutput(new File(directory.toFile(), "sentinel-" + port + ".log"))
                    .start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run redis-server --sentinel (" + e.getMessage() + ")", e);
        }
        sentinelPorts.add(port);
        await(Duration.ofSeconds(10), () -> "PONG".equals(redisCli(port, "PING").trim()), "sentinel :" + port + " did not start");
    }

    /** redis-cli's raw output, one reply element per line; empty when it could not connect. */
    private static String redisCli(int port, String... arguments) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "--raw", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return process.exitValue() == 0 && !output.startsWith("Could not connect") ? output : "";
        } catch (IOException e) {
            throw new IllegalStateException("cannot run redis-cli (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // a node or sentinel between states: ask again
            }
            LocalPorts.pause(100);
        }
        throw new IllegalStateException(failure);
    }

    @Override
    public void close() {
        for (Process sentinel : sentinels) {
            sentinel.destroy();
        }
        for (Process sentinel : sentinels) {
            try {
                if (!sentinel.waitFor(10, TimeUnit.SECONDS)) {
                    sentinel.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        nodes.forEach(RedisProcess::stop);
    }
}
