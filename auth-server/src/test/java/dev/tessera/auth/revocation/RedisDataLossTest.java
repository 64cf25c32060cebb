package dev.tessera.auth.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationTarget;
import dev.tessera.contract.revocation.RevocationWire;
import dev.tessera.testing.Http;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Redis is a cache of the revocations PostgreSQL holds. When it loses them (a restart without
 * persistence, a flush), a revoked token stays refused: the auth server answers from PostgreSQL while
 * the epoch key is missing, and its relay publishes every live revocation again, then the epoch.
 */
@MicronautTest(transactional = false)
class RedisDataLossTest extends IntegrationTest {

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Test
    void aRevokedTokenStaysRevokedWhenRedisLosesItsDataAndTheMarkIsPublishedAgain() throws Exception {
        RedisCommands<String, String> sync = redis.sync();
        Logins logins = new Logins(http);
        Http.Response login = logins.alice();
        String accessToken = login.field("access_token");
        String jti = SignedJWT.parse(accessToken).getJWTClaimsSet().getJWTID();
        String mark = RevocationWire.key(new RevocationTarget(RevocationEvent.Kind.JTI, jti));
        assertEquals(200, logins.revoke(accessToken).status());
        assertTrue(eventually(() -> sync.exists(mark, RevocationWire.EPOCH) == 2), "published, with the epoch");

        loseEveryRevocation(sync);

        assertFalse(logins.active(accessToken), "answered from PostgreSQL while Redis is incomplete");
        assertTrue(eventually(() -> sync.exists(mark) == 1 && sync.exists(RevocationWire.EPOCH) == 1),
                "the relay publishes the live revocation again, then the epoch");
        assertFalse(logins.active(accessToken));
        assertTrue(logins.active(login.field("refresh_token")), "nothing else was revoked by the rebuild");
    }

    /** What a Redis restarted without persistence looks like to Tessera: no marks, no stream, no epoch. */
    private static void loseEveryRevocation(RedisCommands<String, String> sync) {
        ScanIterator<String> keys = ScanIterator.scan(sync, ScanArgs.Builder.matches(RevocationWire.keyPattern()).limit(1_000));
        while (keys.hasNext()) {
            sync.del(keys.next());
        }
        sync.del(RevocationWire.EPOCH, RevocationWire.STREAM);
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
