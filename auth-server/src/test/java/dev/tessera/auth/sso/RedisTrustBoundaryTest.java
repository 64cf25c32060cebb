package dev.tessera.auth.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.sso.authorize.AuthorizationCodes;
import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.ClientAppTest;
import dev.tessera.auth.support.SsoSignIn;
import dev.tessera.auth.support.RedisAdmin;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.user.User;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 #1: another component with write access to Redis (a compromised API replica where ACLs are
 * not set up, played here by Redis's default user) must not be able to mint tokens by writing what the
 * auth server reads there: authorization codes and SSO sessions.
 */
@MicronautTest(transactional = false)
class RedisTrustBoundaryTest extends ClientAppTest {

    @Inject
    TestAccounts accounts;
    @Inject
    AuthorizationCodes codes;

    private static String challenge() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(SsoSignIn.VERIFIER));
    }

    /** Signs {@code user} in through the SSO in {@code browser}; returns the browser's device (sid). */
    private String signIn(Browser browser, Client client, User user) throws Exception {
        String accessToken = sso().tokens(browser, client, user).field("access_token");
        return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid");
    }

    @Test
    void forgedCodeInRedisIsRefused() throws Exception {
        User admin = accounts.user("admin");
        Client client = accounts.ssoClient(app.base(), app.backchannelUri());
        String adminsDevice = signIn(new Browser(http), client, admin); // a sid any API replica sees in admin's tokens
        String code = "forged-code-" + Hashes.randomToken(16);
        String key = "tessera:code:" + HexFormat.of().formatHex(Hashes.sha256(code));
        RedisAdmin.sync().set(key, """
                {"clientId":"%s","redirectUri":"%s/callback","redirectUriExplicit":true,"scope":["openid"],
                 "userId":"%s","deviceId":"%s","nonce":null,"codeChallenge":"%s","authTimeEpochSecond":%d}
                """.formatted(client.id(), app.base(), admin.id(), adminsDevice, challenge(), Instant.now().getEpochSecond()));

        Http.Response redeemed = sso().redeem(client, code);

        assertEquals(400, redeemed.status(), "no admin tokens from a value the auth server did not write: " + redeemed);
        assertEquals("invalid_grant", redeemed.field("error"));
    }

    @Test
    void codeNamingAnotherUsersDeviceIsRefused() throws Exception {
        User admin = accounts.user("admin");
        User attacker = accounts.user();
        Client client = accounts.ssoClient(app.base(), app.backchannelUri());
        String attackersDevice = signIn(new Browser(http), client, attacker);
        String code = codes.issue(new AuthorizationCodes.Grant(client.id(), app.base() + "/callback", true, List.of("openid"),
                admin.id().toString(), attackersDevice, null, challenge(), Instant.now().getEpochSecond()));

        Http.Response redeemed = sso().redeem(client, code);

        assertEquals("invalid_grant", redeemed.field("error"), "the device must be the code's user's: " + redeemed);
    }

    @Test
    void forgedSsoSessionInRedisIsRefused() throws Exception {
        User admin = accounts.user("admin");
        Client client = accounts.ssoClient(app.base(), app.backchannelUri());
        String adminsDevice = signIn(new Browser(http), client, admin);
        String sessionId = Hashes.randomToken(32);
        long now = Instant.now().toEpochMilli();
        Map<String, String> fields = Map.of("user", admin.id().toString(), "device", adminsDevice,
                "auth_time", Long.toString(now), "created", Long.toString(now));
        for (String key : List.of("tessera:sso:" + sessionId, "tessera:sso:" + HexFormat.of().formatHex(Hashes.sha256(sessionId)))) {
            RedisAdmin.sync().hset(key, fields);
            RedisAdmin.sync().pexpire(key, 60_000);
        }
        Browser attacker = new Browser(http);
        attacker.setCookie("tessera_sso", sessionId);

        Http.Response answer = attacker.get(sso().authorizePath(client));

        assertEquals(302, answer.status(), answer::toString);
        assertTrue(answer.header("Location").startsWith("/login"), "no code for admin: " + answer.header("Location"));
    }

    @Test
    void ssoSessionIdsNeverAppearInRedis() throws Exception {
        User user = accounts.user();
        Client client = accounts.ssoClient(app.base(), app.backchannelUri());
        Browser browser = new Browser(http);
        signIn(browser, client, user);
        String sessionId = browser.cookie("tessera_sso");

        List<String> keys = RedisAdmin.sync().keys("tessera:sso*");
        assertTrue(keys.stream().noneMatch(k -> k.contains(sessionId)), "the cookie's value is in a key name");
        for (String key : keys) {
            String type = RedisAdmin.sync().type(key);
            List<String> values = switch (type) {
                case "string" -> List.of(RedisAdmin.sync().get(key));
                case "set" -> List.copyOf(RedisAdmin.sync().smembers(key));
                case "hash" -> List.copyOf(RedisAdmin.sync().hvals(key));
                default -> List.of();
            };
            assertTrue(values.stream().noneMatch(v -> v.contains(sessionId)), "the cookie's value is stored at " + key);
        }
    }
}
