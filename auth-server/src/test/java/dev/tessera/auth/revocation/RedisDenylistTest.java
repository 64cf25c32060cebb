package dev.tessera.auth.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.contract.revocation.RevocableToken;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationWire;
import dev.tessera.testing.TestServices;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisDenylistTest extends DenylistContract implements TestPropertyProvider {

    @Inject
    RedisDenylist denylist;
    @Inject
    StatefulRedisConnection<String, String> redis;

    @Override
    public Map<String, String> getProperties() {
        return TestServices.micronautProperties();
    }

    @Override
    protected Denylist denylist() {
        denylist.markComplete(); // as the relay does once Redis holds every live revocation
        return denylist;
    }

    @Test
    void withoutTheEpochRedisDoesNotAnswerUntilMarkedCompleteAgain() {
        RevocableToken token = new RevocableToken(UUID.randomUUID().toString(), null, UUID.randomUUID().toString(), "cli",
                Instant.now());
        denylist.markComplete();
        assertTrue(denylist.isComplete());
        assertFalse(denylist.isRevoked(token));

        redis.sync().del(RevocationWire.EPOCH); // Redis lost its data

        assertFalse(denylist.isComplete());
        assertThrows(IncompleteDenylistException.class, () -> denylist.isRevoked(token),
                "\"not revoked\" from an emptied Redis means nothing");
        denylist.markComplete();
        assertFalse(denylist.isRevoked(token));
    }

    @Test
    void everyRevocationIsAppendedToTheStreamInTheSharedEncoding() {
        String device = UUID.randomUUID().toString();
        Instant at = Instant.ofEpochMilli(System.currentTimeMillis());
        Instant until = at.plusSeconds(300);
        denylist.apply(new RevocationEvent(RevocationEvent.Kind.DEVICE, device, at, until, "admin_kick"));

        List<StreamMessage<String, String>> last = redis.sync().xrevrange(RevocationWire.STREAM, Range.create("-", "+"), Limit.from(1));
        RevocationEvent event = new RevocationEvent(RevocationEvent.Kind.DEVICE, device, at, until, "admin_kick");
        assertEquals(RevocationWire.streamFields(event), last.get(0).getBody());
        assertEquals(event, RevocationWire.fromStream(last.get(0).getBody()));
    }
}
