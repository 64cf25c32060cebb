package dev.tessera.auth.revocation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.contract.revocation.RevocableToken;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Denylist} must do. */
public abstract class DenylistContract {

    protected abstract Denylist denylist();

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static RevocationEvent event(RevocationEvent.Kind kind, String subject, Instant at, Duration relevantFor) {
        return new RevocationEvent(kind, subject, at, Instant.now().plus(relevantFor), "test");
    }

    private static RevocableToken token(String jti, String device, String user, Instant issuedAt) {
        return new RevocableToken(jti, device, user, "client-" + user, issuedAt);
    }

    @Test
    void aDeviceClientMarkRevokesThatClientsTokensOnTheDeviceAndNoOthers() {
        String device = id();
        String user = id();
        Instant mark = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        denylist().apply(new RevocationEvent(RevocationTarget.deviceClient(device, "mail").kind(),
                RevocationTarget.deviceClient(device, "mail").subject(), mark, Instant.now().plusSeconds(300), "test"));

        assertTrue(denylist().isRevoked(new RevocableToken(id(), device, user, "mail", mark.minusSeconds(1))));
        assertFalse(denylist().isRevoked(new RevocableToken(id(), device, user, "docs", mark.minusSeconds(1))),
                "another client on the same device");
        assertFalse(denylist().isRevoked(new RevocableToken(id(), device, user, "mail", mark.plusSeconds(1))),
                "issued after the mark");
    }

    @Test
    void deniedJtiIsRevokedAndOtherJtisAreNot() {
        String jti = id();
        denylist().apply(event(RevocationEvent.Kind.JTI, jti, Instant.now(), Duration.ofMinutes(5)));

        assertTrue(denylist().isRevoked(token(jti, id(), id(), Instant.now())));
        assertFalse(denylist().isRevoked(token(id(), id(), id(), Instant.now())));
    }

    @Test
    void deviceMarkRevokesTokensIssuedUpToItAndNotAfter() {
        String device = id();
        Instant mark = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        denylist().apply(event(RevocationEvent.Kind.DEVICE, device, mark, Duration.ofMinutes(5)));

        assertTrue(denylist().isRevoked(token(id(), device, id(), mark.minusSeconds(30))));
        assertTrue(denylist().isRevoked(token(id(), device, id(), mark)));
        assertFalse(denylist().isRevoked(token(id(), device, id(), mark.plusSeconds(1))));
        assertFalse(denylist().isRevoked(token(id(), id(), id(), mark.minusSeconds(30))), "another device is untouched");
    }

    @Test
    void userMarkRevokesEveryDeviceOfThatUser() {
        String user = id();
        Instant mark = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        denylist().apply(event(RevocationEvent.Kind.USER, user, mark, Duration.ofMinutes(5)));

        assertTrue(denylist().isRevoked(token(id(), id(), user, mark.minusSeconds(1))));
        assertTrue(denylist().isRevoked(token(id(), null, user, mark.minusSeconds(1))), "client tokens have no sid");
        assertFalse(denylist().isRevoked(token(id(), id(), user, mark.plusSeconds(1))));
    }

    @Test
    void entriesLapseOnceEveryTokenTheyCoverHasExpired() throws InterruptedException {
        String jti = id();
        denylist().apply(event(RevocationEvent.Kind.JTI, jti, Instant.now(), Duration.ofMillis(300)));
        assertTrue(denylist().isRevoked(token(jti, null, id(), Instant.now())));

        Thread.sleep(700);

        assertFalse(denylist().isRevoked(token(jti, null, id(), Instant.now())), "the denylist does not grow forever");
    }
}
