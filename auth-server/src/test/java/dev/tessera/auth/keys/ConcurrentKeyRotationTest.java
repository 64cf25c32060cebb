package dev.tessera.auth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.auth.support.Sql;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.contract.crypto.SignatureProvider;
import dev.tessera.testing.TestServices;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 11 #17 / issue 10: key rotation on several replicas at once. Each replica's {@link KeyManager}
 * is its own object (its {@code synchronized} does not reach the others), so the database must
 * serialize rotations: one transaction under an advisory lock.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentKeyRotationTest implements TestPropertyProvider {

    @Inject
    SigningKeyStore store;
    @Inject
    KeyProperties keyProperties;
    @Inject
    TokenProperties tokenProperties;
    @Inject
    Clock clock;
    @Inject
    Sql sql;

    @Override
    public Map<String, String> getProperties() {
        return TestServices.micronautProperties();
    }

    @Test
    void concurrentRotationsOnFourReplicasLeaveExactlyOneActiveKey() throws Exception {
        int replicas = 4;
        // Each rotation makes an ES256 access-token key and an RS256 ID-token key.
        KeyProperties es256 = new KeyProperties(SigningAlgorithm.ES256, keyProperties.reloadInterval(),
                keyProperties.retiredPublishExtra(), keyProperties.encryptionKey(), false);
        SigningKeyStore slowNetwork = new SlowStore(store);
        List<KeyManager> managers = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            managers.add(new KeyManager(slowNetwork, es256, tokenProperties, clock, SignatureProvider.jdk()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            for (int round = 0; round < 4; round++) {
                CyclicBarrier start = new CyclicBarrier(replicas);
                List<Future<SigningKey>> rotations = new ArrayList<>();
                for (KeyManager manager : managers) {
                    rotations.add(pool.submit(() -> {
                        start.await();
                        return manager.rotate();
                    }));
                }
                for (Future<SigningKey> rotation : rotations) {
                    rotation.get();
                }
                assertEquals(1, sql.count("SELECT count(*) FROM signing_keys WHERE retired_at IS NULL AND algorithm = 'ES256'"),
                        "exactly one active access-token key after round " + round);
                assertEquals(1, sql.count("SELECT count(*) FROM signing_keys WHERE retired_at IS NULL AND algorithm = 'RS256'"),
                        "exactly one active ID-token key after round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each store call takes a little while, as over a real network: room for another replica in between. */
    private record SlowStore(SigningKeyStore delegate) implements SigningKeyStore {

        private static void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public List<SigningKey> published(java.time.Instant now) {
            return delegate.published(now);
        }

        @Override
        public void activate(List<SigningKey> keys, java.time.Instant now, java.time.Instant publishUntil) {
            pause();
            delegate.activate(keys, now, publishUntil);
            pause();
        }

        @Override
        public int purgeExpired(java.time.Instant now) {
            return delegate.purgeExpired(now);
        }
    }
}
