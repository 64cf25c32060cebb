package dev.tessera.auth.token.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.device.Device;
import dev.tessera.auth.device.KickReason;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.support.InMemoryCore;
import dev.tessera.auth.user.User;
import dev.tessera.contract.revocation.RevocationEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RefreshTokenGrant} in plain Java against the in-memory stores (RefreshRotationTest drives the
 * same over HTTP against PostgreSQL): rotation, the grace window, reuse detection and what it signs out.
 */
class RefreshTokenGrantTest {

    private final InMemoryCore core = new InMemoryCore();
    private final RefreshTokenGrant grant = new RefreshTokenGrant(new RefreshRotation(core.refreshTokens, core.policy,
            core.signOut, core.audit, core.transactions), core.userTokens, core.signOut, core.meters, core.clock);
    private final Client client = InMemoryCore.client("cli");
    private final User user = core.user();
    private final Device device = core.device(user, client.id());

    private TokenResponse login() {
        String refresh = core.userTokens.startFamily(user.id(), client.id(), device.id(), Set.of("openid", "profile"),
                core.clock.instant()).refreshToken();
        return core.userTokens.respond(user, client, Set.of("openid", "profile"), device.id(), refresh);
    }

    private TokenResponse refresh(String refreshToken) {
        return grant.grant(new RefreshRequest(client, refreshToken, Optional.empty(), "127.0.0.1"));
    }

    private OAuthException refused(RefreshRequest request) {
        return assertThrows(OAuthException.class, () -> grant.grant(request));
    }

    @Test
    void everyUseRotatesAndARetryWithinTheGraceWindowGetsASibling() {
        TokenResponse first = login();
        TokenResponse second = refresh(first.refreshToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals("openid profile", second.scope());

        TokenResponse sibling = refresh(first.refreshToken());
        assertNotEquals(second.refreshToken(), sibling.refreshToken(), "a lost response: a sibling, not a sign-out");
        assertTrue(core.devices.findById(device.id()).orElseThrow().active());
        assertEquals(2.0, core.meters.counter("tessera.refresh", "outcome", "rotated").count()
                + core.meters.counter("tessera.refresh", "outcome", "grace_retry").count());
    }

    @Test
    void reuseAfterTheGraceWindowSignsTheDeviceOutThroughDeviceSignOut() {
        TokenResponse first = login();
        TokenResponse second = refresh(first.refreshToken());
        core.clock.advance(Duration.ofSeconds(11));

        OAuthException reuse = refused(new RefreshRequest(client, first.refreshToken(), Optional.empty(), "127.0.0.1"));

        assertEquals(OAuthError.INVALID_GRANT, reuse.error());
        Device signedOut = core.devices.findById(device.id()).orElseThrow();
        assertEquals("refresh_token_reuse", signedOut.revokeReason());
        assertEquals(OAuthError.INVALID_GRANT, refused(new RefreshRequest(client, second.refreshToken(), Optional.empty(),
                "127.0.0.1")).error(), "the thief's successor is dead too");
        assertTrue(core.refused(second.accessToken()), "the device's access tokens are denied (published to the denylist)");
        assertEquals(List.of(InMemoryCore.notice(device, KickReason.REFRESH_TOKEN_REUSE)), core.forceLogouts);
        assertEquals(List.of(device.id()), core.browserSignOuts.stream().map(Device::id).toList(), "its SSO session ends");
        assertEquals(1, core.audit.find(user.id(), AuditEvent.REFRESH_REUSE_DETECTED, 10, 0).size());
        assertTrue(core.outbox.events().stream().anyMatch(e -> e.kind() == RevocationEvent.Kind.DEVICE
                && e.subject().equals(device.id().toString())));
    }

    @Test
    void scopeMayNarrowButNotWiden() {
        TokenResponse first = login();
        TokenResponse narrow = grant.grant(new RefreshRequest(client, first.refreshToken(), Optional.of("openid"), "ip"));
        assertEquals("openid", narrow.scope());
        assertEquals(OAuthError.INVALID_SCOPE, refused(new RefreshRequest(client, narrow.refreshToken(),
                Optional.of("openid email"), "ip")).error());
    }

    @Test
    void unknownTokensAnotherClientsTokensAndDisabledUsersAreRefused() {
        TokenResponse first = login();
        assertEquals(OAuthError.INVALID_GRANT, refused(new RefreshRequest(client, "no-such-token", Optional.empty(), "ip"))
                .error());
        assertEquals(OAuthError.INVALID_GRANT, refused(new RefreshRequest(InMemoryCore.client("docs"), first.refreshToken(),
                Optional.empty(), "ip")).error());
        assertFalse(core.refused(first.accessToken()), "a refused refresh signs nobody out");

        core.users.save(new User(user.id(), user.username(), user.passwordHash(), user.displayName(), user.email(),
                user.roles(), true));
        assertEquals(OAuthError.INVALID_GRANT, refused(new RefreshRequest(client, first.refreshToken(), Optional.empty(),
                "ip")).error());
    }
}
