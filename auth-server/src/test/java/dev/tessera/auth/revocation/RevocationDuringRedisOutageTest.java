package dev.tessera.auth.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.support.Logins;
import dev.tessera.auth.support.Sql;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationTarget;
import dev.tessera.contract.revocation.RevocationWire;
import dev.tessera.testing.Http;
import dev.tessera.testing.RedisProcess;
import dev.tessera.testing.TestServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Durable first: a revocation made while Redis is down commits in PostgreSQL and reaches Redis when it is back. */
class RevocationDuringRedisOutageTest {

    @Test
    void revocationWhileRedisIsDownIsQueuedAndReplayedWhenRedisReturns() throws Exception {
        try (RedisProcess redis = RedisProcess.start()) {
            Map<String, Object> properties = new HashMap<>(TestServices.micronautProperties());
            properties.put("redis.uri", redis.uri());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                Logins logins = new Logins(new Http(server.getURI()));
                Http.Response login = logins.alice();
                String sid = SignedJWT.parse(login.field("access_token")).getJWTClaimsSet().getStringClaim("sid");
                RevocationRelay relay = server.getApplicationContext().getBean(RevocationRelay.class);
                Sql sql = server.getApplicationContext().getBean(Sql.class);

                redis.stop();
                Http.Response revoked = logins.revoke(login.field("refresh_token"));

                assertEquals(200, revoked.status(), "the revocation succeeds in PostgreSQL: " + revoked);
                assertEquals("invalid_grant", logins.refresh(login.field("refresh_token")).field("error"));
                assertTrue(relay.degraded(), "the relay reports that Redis has not been told yet");
                assertEquals(1, sql.count("SELECT count(*) FROM revocation_outbox WHERE subject = ? AND published_at IS NULL", sid));

                redis.restart();
                assertTrue(waitUntil(() -> sql.count(
                        "SELECT count(*) FROM revocation_outbox WHERE subject = ? AND published_at IS NULL", sid) == 0),
                        "the queued revocation is relayed once Redis is back");
                assertFalse(relay.degraded());
                RedisClient client = RedisClient.create(redis.uri());
                try (StatefulRedisConnection<String, String> direct = client.connect()) {
                    assertTrue(direct.sync().exists(RevocationWire.key(new RevocationTarget(RevocationEvent.Kind.DEVICE, sid))) == 1L);
                    // The restarted Redis is empty: every live revocation is published again, this one included.
                    assertTrue(direct.sync().xrange(RevocationWire.STREAM, io.lettuce.core.Range.create("-", "+")).stream()
                            .anyMatch(m -> sid.equals(m.getBody().get("subject"))));
                    assertEquals(1L, direct.sync().exists(RevocationWire.EPOCH), "and then the epoch");
                } finally {
                    client.shutdown();
                }
                assertFalse(logins.active(login.field("access_token")), "and the access token is refused again");
            }
        }
    }

    @Test
    void adminKickWhileRedisIsDownSucceedsReportsDegradedAndIsReplayed() throws Exception {
        try (RedisProcess redis = RedisProcess.start()) {
            Map<String, Object> properties = new HashMap<>(TestServices.micronautProperties());
            properties.put("redis.uri", redis.uri());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                Http http = new Http(server.getURI());
                Logins logins = new Logins(http);
                String admin = "Bearer " + logins.adminToken();
                Http.Response victim = logins.password("bob", "bob-pass");
                String sid = SignedJWT.parse(victim.field("access_token")).getJWTClaimsSet().getStringClaim("sid");
                String bob = SignedJWT.parse(victim.field("access_token")).getJWTClaimsSet().getSubject();
                Sql sql = server.getApplicationContext().getBean(Sql.class);

                redis.stop();
                Http.Response kick = http.send("/admin/users/" + bob + "/devices/" + sid, "DELETE", null, null, admin);

                assertEquals(200, kick.status(), "the admin is still recognised (PostgreSQL answers for Redis): " + kick);
                assertFalse(kick.json().get("propagated").asBoolean(), "the kick is reported as degraded");
                assertFalse(logins.active(victim.field("access_token")), "the auth server itself refuses the token already");
                assertEquals("invalid_grant", logins.refresh(victim.field("refresh_token")).field("error"));

                redis.restart();
                assertTrue(waitUntil(() -> sql.count(
                        "SELECT count(*) FROM revocation_outbox WHERE subject = ? AND published_at IS NULL", sid) == 0),
                        "the kick reaches Redis once it is back");
                RedisClient client = RedisClient.create(redis.uri());
                try (StatefulRedisConnection<String, String> direct = client.connect()) {
                    assertEquals(1L, direct.sync().exists(RevocationWire.key(new RevocationTarget(RevocationEvent.Kind.DEVICE, sid))));
                } finally {
                    client.shutdown();
                }
            }
        }
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 45_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
