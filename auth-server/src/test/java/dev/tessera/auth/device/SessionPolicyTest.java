package dev.tessera.auth.device;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tessera.auth.client.Client;
import dev.tessera.testing.Http;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.auth.support.Sql;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.user.User;
import dev.tessera.testing.TestServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Session policies: a new login beyond the policy signs older devices out, and they are told why. */
@MicronautTest(transactional = false)
class SessionPolicyTest extends IntegrationTest {

    @Inject
    TestAccounts accounts;
    @Inject
    Sql sql;

    private Http.Response login(Client client, User user, String deviceType) {
        Http.Response response = http.postForm("/oauth/token", client.id(), TestAccounts.SECRET, params(
                "grant_type", "password", "username", user.username(), "password", TestAccounts.PASSWORD,
                "device_type", deviceType));
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    private Http.Response refresh(Client client, Http.Response login) {
        return http.postForm("/oauth/token", client.id(), TestAccounts.SECRET,
                params("grant_type", "refresh_token", "refresh_token", login.field("refresh_token")));
    }

    @Test
    void secondPhoneSignsTheFirstPhoneOutButNotTheLaptop() {
        Client client = accounts.client("one-per-device-type");
        User user = accounts.user();
        Http.Response firstPhone = login(client, user, "mobile");
        Http.Response laptop = login(client, user, "desktop");
        Http.Response secondPhone = login(client, user, "mobile");

        Http.Response kicked = refresh(client, firstPhone);
        assertEquals(400, kicked.status());
        assertEquals("invalid_grant", kicked.field("error"));
        assertEquals("signed out because of a login on another device", kicked.field("error_description"));
        assertFalse(new Logins(http).active(firstPhone.field("access_token")), "its live access token is refused at once");
        assertEquals(200, refresh(client, laptop).status());
        assertEquals(200, refresh(client, secondPhone).status());
        assertEquals(1, sql.count("SELECT count(*) FROM audit_events WHERE user_id = ? AND event_type = 'device.kicked' "
                + "AND detail = 'reason=login_elsewhere'", user.id()));
    }

    @Test
    void singlePolicySignsOutEveryOtherDevice() {
        Client client = accounts.client("single");
        User user = accounts.user();
        Http.Response phone = login(client, user, "mobile");
        Http.Response laptop = login(client, user, "desktop");
        Http.Response browser = login(client, user, "web");

        assertEquals("invalid_grant", refresh(client, phone).field("error"));
        assertEquals("invalid_grant", refresh(client, laptop).field("error"));
        assertEquals(200, refresh(client, browser).status());
        assertEquals(1, sql.count("SELECT count(*) FROM devices WHERE user_id = ? AND revoked_at IS NULL", user.id()));
    }

    @Test
    void unlimitedPolicyKeepsEveryDevice() {
        Client client = accounts.client("unlimited");
        User user = accounts.user();
        Http.Response first = login(client, user, "mobile");
        login(client, user, "mobile");
        assertEquals(200, refresh(client, first).status());
    }

    @Test
    void kickedDeviceIsToldAtOnceOnTheUsersChannel() throws Exception {
        Client client = accounts.client("single");
        User user = accounts.user();
        Http.Response first = login(client, user, "mobile");
        String firstDevice = new ObjectMapper().readTree(java.util.Base64.getUrlDecoder()
                .decode(first.field("access_token").split("\\.")[1])).get("sid").asText();
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        RedisClient client2 = RedisClient.create(TestServices.endpoints().redisUri());
        try (StatefulRedisPubSubConnection<String, String> pubsub = client2.connectPubSub()) {
            pubsub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    messages.add(message);
                }
            });
            pubsub.sync().subscribe(ForceLogoutNotifier.channel(user.id()));

            login(client, user, "desktop");

            String message = messages.poll(5, TimeUnit.SECONDS);
            assertTrue(message != null, "a force_logout message arrived");
            JsonNode notice = new ObjectMapper().readTree(message);
            assertEquals("force_logout", notice.get("type").asText());
            assertEquals(firstDevice, notice.get("device_id").asText());
            assertEquals("login_elsewhere", notice.get("reason").asText());
        } finally {
            client2.shutdown();
        }
    }
}
