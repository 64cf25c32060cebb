package dev.tessera.auth.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.support.InMemoryCore;
import dev.tessera.auth.token.grant.TokenResponse;
import dev.tessera.auth.token.grant.UserTokens;
import dev.tessera.auth.token.store.RefreshFamily;
import dev.tessera.auth.user.User;
import dev.tessera.contract.revocation.RevocationEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link DeviceSignOut} in plain Java against the in-memory stores: what it changes in the caller's
 * transaction and what it tells after commit, for a kick and for RFC 7009 revocations on a device
 * that two clients share (RevocationOnASharedBrowserTest drives the same over HTTP).
 */
class DeviceSignOutTest {

    private final InMemoryCore core = new InMemoryCore();
    private final User user = core.user();
    private final Device browser = core.device(user, "tessera");
    private final Client mail = InMemoryCore.client("mail");
    private final Client docs = InMemoryCore.client("docs");

    private record SignIn(RefreshFamily family, TokenResponse tokens) {
    }

    private SignIn signIn(Client client) {
        UserTokens.StartedFamily started = core.userTokens.startFamily(user.id(), client.id(), browser.id(), Set.of("openid"),
                core.clock.instant());
        RefreshFamily family = core.refreshTokens.find(dev.tessera.auth.crypto.Hashes.sha256(started.refreshToken()))
                .orElseThrow().family();
        return new SignIn(family, core.userTokens.respond(user, client, Set.of("openid"), browser.id(), started.refreshToken()));
    }

    @Test
    void revokingOneClientsFamilyLeavesTheOtherClientAndTheDevice() {
        SignIn mailSignIn = signIn(mail);
        SignIn docsSignIn = signIn(docs);

        DeviceSignOut.Result result = core.signOut.revokeFamily(mailSignIn.family(), "client:mail", "127.0.0.1");

        assertEquals(List.of(), result.signedOut());
        assertTrue(result.propagated());
        assertTrue(core.refused(mailSignIn.tokens().accessToken()), "RFC 7009 §2.1: the revoking client's access tokens");
        assertFalse(core.refused(docsSignIn.tokens().accessToken()), "the other client's access tokens");
        assertTrue(core.refreshTokens.hasLiveFamily(browser.id(), core.clock.instant()));
        assertTrue(core.devices.findById(browser.id()).orElseThrow().active(), "the browser stays signed in");
        assertEquals(List.of(), core.forceLogouts);
        assertEquals(List.of(), core.browserSignOuts, "the SSO session lives on");
        assertEquals(RevocationEvent.Kind.DEVICE_CLIENT, core.outbox.events().get(0).kind());
    }

    @Test
    void revokingTheDevicesLastFamilySignsTheDeviceOut() {
        SignIn mailSignIn = signIn(mail);
        SignIn docsSignIn = signIn(docs);
        core.signOut.revokeFamily(mailSignIn.family(), "client:mail", "127.0.0.1");

        DeviceSignOut.Result result = core.signOut.revokeFamily(docsSignIn.family(), "client:docs", "127.0.0.1");

        assertEquals(List.of(browser.id()), result.signedOut());
        assertEquals("revoked_by_client", core.devices.findById(browser.id()).orElseThrow().revokeReason());
        assertTrue(core.refused(docsSignIn.tokens().accessToken()));
        assertEquals(List.of(InMemoryCore.notice(browser, KickReason.REVOKED_BY_CLIENT)), core.forceLogouts);
        assertEquals(List.of(browser.id()), core.browserSignOuts.stream().map(Device::id).toList(), "SSO session ended");
    }

    @Test
    void aKickSignsOutEveryFamilyAndTellsEveryone() {
        SignIn mailSignIn = signIn(mail);
        SignIn docsSignIn = signIn(docs);

        DeviceSignOut.Result result = core.signOut.signOut(List.of(browser), KickReason.ADMIN_KICK, "user:admin", "127.0.0.1");

        assertEquals(List.of(browser.id()), result.signedOut());
        assertFalse(core.refreshTokens.hasLiveFamily(browser.id(), core.clock.instant()));
        assertTrue(core.refused(mailSignIn.tokens().accessToken()));
        assertTrue(core.refused(docsSignIn.tokens().accessToken()));
        assertEquals(List.of(InMemoryCore.notice(browser, KickReason.ADMIN_KICK)), core.forceLogouts);
        assertEquals(1, core.audit.find(user.id(), AuditEvent.DEVICE_KICKED, 10, 0).size());
        assertEquals(1.0, core.meters.counter("tessera.kicks", "reason", "admin_kick").count());
    }

    @Test
    void revokingAnAlreadyRevokedFamilyChangesNothing() {
        SignIn mailSignIn = signIn(mail);
        signIn(docs);
        core.signOut.revokeFamily(mailSignIn.family(), "client:mail", "127.0.0.1");
        int events = core.outbox.events().size();

        DeviceSignOut.Result again = core.signOut.revokeFamily(mailSignIn.family(), "client:mail", "127.0.0.1");

        assertEquals(List.of(), again.signedOut());
        assertEquals(events, core.outbox.events().size());
        assertNull(core.devices.findById(browser.id()).orElseThrow().revokedAt());
    }
}
