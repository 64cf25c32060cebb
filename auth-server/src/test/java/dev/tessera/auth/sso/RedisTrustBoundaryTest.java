package dev.tessera.auth.sso;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.sso.authorize.AuthorizationCodes;
import dev.tessera.auth.support.Browser;
import dev.tessera.auth.support.ClientApp;
import dev.tessera.auth.support.IntegrationTest;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 #1: another component with write access to Redis (a compromised API replica where ACLs are
 * not set up, played here by Redis's default user) must not be able to mint tokens by writing what the
 * auth server reads there: authorization codes and SSO sessions.
 */
@MicronautTest(transactional = false)
class RedisTrustBoundaryTest extends IntegrationTest {

    private static final String VERIFIER = "trust-boundary-verifier-0123456789-0123456789-01";

    @Inject
    TestAccounts accounts;
    @Inject
    AuthorizationCodes codes;

    private ClientApp app;

    @BeforeAll
    void start() throws Exception {
        app = ClientApp.start();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String challenge() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(VERIFIER));
    }

    private String authorize(Client client) {
        return "/oauth/authorize?response_type=code&client_id=" + client.id() + "&redirect_uri=" + app.base()
                + "/callback&scope=openid&code_challenge=" + challenge() + "&code_challenge_method=S256";
    }

    /** Signs {@code user} in through the SSO in {@code browser}; returns the browser's device (sid). */
    private String signIn(Browser browser, Client client, User user) throws Exception {
        Map<String, String> form = Browser.hiddenInputs(browser.get(browser.get(authorize(client)).header("Location")));
        form.put("username", user.username());
        form.put("password", TestAccounts.PASSWORD);
        Http.Response tokens = redeem(client, Browser.queryParam(browser.postForm("/login", form), "code"));
        return SignedJWT.parse(tokens.field("access_token")).getJWTClaimsSet().getStringClaim("sid");
    }

    private Http.Response redeem(Client client, String code) {
        return http.postForm("/oauth/token", client.id(), TestAccounts.SECRET, params("grant_type", "authorization_code",
                "code", code, "redirect_uri", app.base() + "/callback", "code_verifier", VERIFIER));
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

        Http.Response redeemed = redeem(client, code);

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

        Http.Response redeemed = redeem(client, code);

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

        Http.Response answer = attacker.get(authorize(client));

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
