package dev.tessera.auth.token.grant;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.device.Device;
import dev.tessera.auth.device.DeviceSignOut;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.device.KickReason;
import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.ClientApp;
import dev.tessera.auth.support.DatabaseGate;
import dev.tessera.auth.support.ClientAppTest;
import dev.tessera.auth.support.Sql;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.user.User;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 #9: a grant that issues tokens for a device and a sign-out of that device, at the same
 * moment. Whatever the interleaving, nothing issued for a signed-out device may stay usable. A
 * {@link DatabaseGate} holds the grant's transaction at its insert while the sign-out runs.
 */
@MicronautTest(transactional = false)
class IssuanceRaceTest extends ClientAppTest {

    @Inject
    TestAccounts accounts;
    @Inject
    Sql sql;
    @Inject
    DeviceStore devices;
    @Inject
    DeviceSignOut signOut;

    private ExecutorService pool;

    @BeforeAll
    void start() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
    }

    private Http.Response introspect(Client client, String token) {
        return http.postForm("/oauth/introspect", client.id(), TestAccounts.SECRET, Map.of("token", token));
    }

    private long liveFamilies(User user) {
        return sql.count("SELECT count(*) FROM refresh_families WHERE user_id = ? AND revoked_at IS NULL", user.id());
    }

    private Device browserDevice(User user) {
        UUID id = UUID.fromString(sql.string("SELECT id::text FROM devices WHERE user_id = ? AND client_id = 'tessera' "
                + "AND revoked_at IS NULL", user.id()));
        return devices.findById(id).orElseThrow();
    }

    @Test
    void codeExchangeRacingALogoutLeavesNothingLiveOnTheSignedOutDevice() throws Exception {
        User user = accounts.user();
        Client client = accounts.ssoClient(app.base(), app.backchannelUri());
        String code = sso().code(new Browser(http), client, user);
        Device browser = browserDevice(user);

        Http.Response exchanged;
        try (DatabaseGate gate = DatabaseGate.onInsert("refresh_families", "NEW.user_id", user.id())) {
            Future<Http.Response> exchange = pool.submit(() -> sso().redeem(client, code));
            DatabaseGate.await("the exchange reaches the gate", Duration.ofSeconds(20), gate::someoneWaits);
            Future<?> logout = pool.submit(() -> signOut.signOut(List.of(browser), KickReason.LOGOUT, "test", "127.0.0.1"));
            gate.awaitDoneOrBlocked(logout);
            gate.open();
            exchanged = exchange.get(20, TimeUnit.SECONDS);
            logout.get(20, TimeUnit.SECONDS);
        }

        assertEquals(0, liveFamilies(user), "no refresh family outlives the device's sign-out");
        if (exchanged.status() == 200) {
            assertFalse(introspect(client, exchanged.field("access_token")).json().get("active").asBoolean(),
                    "the access token issued in the race is refused");
        } else {
            assertEquals("invalid_grant", exchanged.field("error"), exchanged::toString);
        }
    }

    @Test
    void refreshRacingAKickLeavesNoUsableToken() throws Exception {
        User user = accounts.user();
        Client client = accounts.client("unlimited");
        Http.Response login = http.postForm("/oauth/token", client.id(), TestAccounts.SECRET, params(
                "grant_type", "password", "username", user.username(), "password", TestAccounts.PASSWORD));
        assertEquals(200, login.status(), login::toString);
        Device device = devices.activeDevices(user.id(), client.id()).get(0);

        Http.Response refreshed;
        try (DatabaseGate gate = DatabaseGate.onInsert("refresh_tokens",
                "(SELECT user_id FROM refresh_families WHERE id = NEW.family_id)", user.id())) {
            Future<Http.Response> refresh = pool.submit(() -> http.postForm("/oauth/token", client.id(),
                    TestAccounts.SECRET, params("grant_type", "refresh_token", "refresh_token", login.field("refresh_token"))));
            DatabaseGate.await("the refresh reaches the gate", Duration.ofSeconds(20), gate::someoneWaits);
            Future<?> kick = pool.submit(() -> signOut.signOut(List.of(device), KickReason.ADMIN_KICK, "test", "127.0.0.1"));
            gate.awaitDoneOrBlocked(kick);
            // The kick has been waiting a while by the time the refresh goes on: a later second on the clock.
            clock.advance(Duration.ofSeconds(2));
            gate.open();
            refreshed = refresh.get(20, TimeUnit.SECONDS);
            kick.get(20, TimeUnit.SECONDS);
        }

        assertEquals(0, liveFamilies(user));
        if (refreshed.status() == 200) {
            assertFalse(introspect(client, refreshed.field("access_token")).json().get("active").asBoolean(),
                    "the access token minted in the race is refused");
            Http.Response again = http.postForm("/oauth/token", client.id(), TestAccounts.SECRET,
                    params("grant_type", "refresh_token", "refresh_token", refreshed.field("refresh_token")));
            assertEquals("invalid_grant", again.field("error"), "and so is its refresh token");
        } else {
            assertTrue(refreshed.status() == 400, refreshed::toString);
        }
    }
}
