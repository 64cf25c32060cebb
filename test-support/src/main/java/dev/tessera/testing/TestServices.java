package dev.tessera.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Real PostgreSQL and Redis for integration tests.
 *
 * <p>Where a Docker engine answers, containers are started once per JVM. Where none does (this
 * project's CI), the local services are used: {@code TESSERA_TEST_PG_URL}, {@code
 * TESSERA_TEST_PG_USER}, {@code TESSERA_TEST_PG_PASSWORD} and {@code TESSERA_TEST_REDIS_URI}
 * override the defaults that {@code ./tessera test} provisions. A service that cannot be reached
 * fails the test with instructions; it is never skipped.
 */
public final class TestServices {

    private static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/tessera_test";
    private static final String DEFAULT_PG_USER = "tessera";
    private static final String DEFAULT_PG_PASSWORD = "tessera";
    private static final String DEFAULT_REDIS_URI = "redis://127.0.0.1:6379/9";
    private static final String HOW_TO_START =
            "Start the local services with `./tessera services` (or run `./tessera test`, which does it), "
                    + "or point TESSERA_TEST_PG_URL / TESSERA_TEST_PG_USER / TESSERA_TEST_PG_PASSWORD / "
                    + "TESSERA_TEST_REDIS_URI at running ones.";

    /** Encrypts the auth server's signing keys in the test database; every test JVM must use the same one. */
    public static final String SIGNING_KEY_ENCRYPTION_KEY = "2+CzaP6dYXrd4gi+zVov0D4waqf48iUg5xPbyaK95/k=";

    private static volatile Endpoints endpoints;

    private TestServices() {
    }

    /** Connection details for PostgreSQL and Redis, resolved (and checked) once per JVM. */
    public static Endpoints endpoints() {
        Endpoints current = endpoints;
        if (current == null) {
            synchronized (TestServices.class) {
                current = endpoints;
                if (current == null) {
                    current = useContainers() ? startContainers() : localServices();
                    checkPostgres(current);
                    checkRedis(current);
                    RedisUsers.apply(current.redisUri());
                    endpoints = current;
                }
            }
        }
        return current;
    }

    /**
     * Micronaut properties that point the auth server's datasource and Redis client at the test services;
     * it connects to Redis as its own user, {@code tessera-auth} (redis/users.acl).
     */
    public static Map<String, String> micronautProperties() {
        Endpoints e = endpoints();
        return Map.of(
                "tessera.keys.encryption-key", SIGNING_KEY_ENCRYPTION_KEY,
                "datasources.default.url", e.jdbcUrl(),
                "datasources.default.username", e.pgUser(),
                "datasources.default.password", e.pgPassword(),
                "redis.uri", redisUriAs("tessera-auth"));
    }

    /** The test Redis as {@code user} of redis/users.acl (created there once per JVM), with its dev password. */
    public static String redisUriAs(String user) {
        return RedisUsers.uriAs(endpoints().redisUri(), user);
    }

    private static boolean useContainers() {
        if (System.getenv("TESSERA_TEST_PG_URL") != null || System.getenv("TESSERA_TEST_REDIS_URI") != null) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // containers live for the whole test JVM; Ryuk removes them
    private static Endpoints startContainers() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:15-alpine")
                .withDatabaseName("tessera_test").withUsername(DEFAULT_PG_USER).withPassword(DEFAULT_PG_PASSWORD);
        postgres.start();
        GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        redis.start();
        return new Endpoints(postgres.getJdbcUrl(), DEFAULT_PG_USER, DEFAULT_PG_PASSWORD,
                "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379) + "/9");
    }

    private static Endpoints localServices() {
        return new Endpoints(
                env("TESSERA_TEST_PG_URL", DEFAULT_PG_URL),
                env("TESSERA_TEST_PG_USER", DEFAULT_PG_USER),
                env("TESSERA_TEST_PG_PASSWORD", DEFAULT_PG_PASSWORD),
                env("TESSERA_TEST_REDIS_URI", DEFAULT_REDIS_URI));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void checkPostgres(Endpoints e) {
        try (Connection ignored = DriverManager.getConnection(e.jdbcUrl(), e.pgUser(), e.pgPassword())) {
            // reachable and credentials accepted
        } catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + e.jdbcUrl() + " as " + e.pgUser()
                    + " (" + ex.getMessage() + "). " + HOW_TO_START, ex);
        }
    }

    private static void checkRedis(Endpoints e) {
        URI uri = URI.create(e.redisUri());
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 2000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(5);
            if (!"+PONG".equals(new String(reply, StandardCharsets.US_ASCII))) {
                throw new IOException("unexpected reply to PING: " + new String(reply, StandardCharsets.US_ASCII));
            }
        } catch (IOException ex) {
            throw new IllegalStateException("Redis is not reachable at " + e.redisUri() + " (" + ex.getMessage()
                    + "). " + HOW_TO_START, ex);
        }
    }

    /** The plain JWK of a signing key as the auth server stores it ({@code enc:v1:} AES-GCM, kid as associated data). */
    public static String decryptSigningKey(String kid, String stored) {
        if (!stored.startsWith("enc:v1:")) {
            return stored;
        }
        try {
            byte[] data = java.util.Base64.getDecoder().decode(stored.substring("enc:v1:".length()));
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(
                    java.util.Base64.getDecoder().decode(SIGNING_KEY_ENCRYPTION_KEY), "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, data, 0, 12));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, 12, data.length - 12), StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt signing key " + kid, e);
        }
    }

    /** Where the test services are. */
    public record Endpoints(String jdbcUrl, String pgUser, String pgPassword, String redisUri) {
    }
}
