package dev.tessera.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.resource.revocation.FeedState;
import dev.tessera.resource.revocation.RevocationFeed;
import dev.tessera.testing.AuthServerProcess;
import dev.tessera.testing.Http;
import dev.tessera.testing.TestServices;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The auth server's default ES256 access tokens are accepted by a replica verifying with Amazon Corretto
 * Crypto Provider and by one with tessera.crypto.native-provider off (the JDK's), and each replica's
 * tessera.crypto.provider gauge says which it uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NativeVerificationTest {

    private AuthServerProcess auth;

    @BeforeAll
    void start() {
        auth = AuthServerProcess.start(Map.of());
    }

    @AfterAll
    void stop() {
        if (auth != null) {
            auth.close();
        }
    }

    @ParameterizedTest(name = "native-provider={0}")
    @CsvSource({"true, ACCP, 1", "false, JDK, 0"})
    void defaultAccessTokensVerifyWithEitherProvider(boolean nativeProvider, String provider, double gauge) throws Exception {
        Http.Response login = new Http(auth.uri()).postForm("/oauth/token", "cli", "cli-secret", Map.of(
                "grant_type", "password", "username", "alice", "password", "alice-pass", "scope", "orders:read"));
        assertEquals(200, login.status(), login::toString);
        String token = login.field("access_token");
        assertEquals("ES256", SignedJWT.parse(token).getHeader().getAlgorithm().getName());
        try (EmbeddedServer api = ApiReplicas.startOne("api-native", auth.issuer(), TestServices.endpoints().redisUri(),
                Map.of("tessera.crypto.native-provider", nativeProvider))) {
            awaitLiveFeed(api);
            Http.Response profile = new Http(api.getURI()).get("/api/profile", "Bearer " + token);
            assertEquals(200, profile.status(), profile::toString);
            assertEquals(gauge, api.getApplicationContext().getBean(MeterRegistry.class).get("tessera.crypto.provider")
                    .tag("use", "jwt").tag("provider", provider).gauge().value());
        }
    }

    /** Before its first snapshot a fail-closed replica rightly answers 503 to every bearer request. */
    private static void awaitLiveFeed(EmbeddedServer api) throws InterruptedException {
        RevocationFeed feed = api.getApplicationContext().getBean(RevocationFeed.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (feed.state() != FeedState.LIVE) {
            assertTrue(System.nanoTime() < deadline, "the revocation feed did not go live: is Redis up?");
            Thread.sleep(20);
        }
    }
}
