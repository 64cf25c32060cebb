package dev.tessera.auth.token.issue;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.keys.KeyManager;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.user.User;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The per-client {@code typ: JWT} option: only clients registered for it get it, everyone else keeps
 * RFC 9068's {@code at+jwt}, and the auth server still introspects, revokes and accepts such tokens,
 * but only from the clients registered for them and only with its own audience (RFC 9068 §4).
 */
@MicronautTest(transactional = false)
class AccessTokenTypeTest extends IntegrationTest {

    @Inject
    TestAccounts accounts;
    @Inject
    KeyManager keys;

    @Test
    void clientRegisteredForPlainJwtGetsTypJwtAndOthersKeepAtJwt() throws Exception {
        assertEquals("JWT", typ(http.postForm("/oauth/token", "legacy-gateway", "legacy-gateway-secret",
                params("grant_type", "client_credentials"))));
        assertEquals("at+jwt", typ(http.postForm("/oauth/token", "service-a", "service-a-secret",
                params("grant_type", "client_credentials"))));
        assertEquals("at+jwt", typ(new Logins(http).alice()));

        Client client = accounts.plainJwtClient();
        User user = accounts.user();
        Http.Response login = http.postForm("/oauth/token", client.id(), TestAccounts.SECRET,
                params("grant_type", "password", "username", user.username(), "password", TestAccounts.PASSWORD));
        assertEquals("JWT", typ(login), "user tokens of the client too");
        assertEquals("JWT", typ(http.postForm("/oauth/token", client.id(), TestAccounts.SECRET,
                params("grant_type", "refresh_token", "refresh_token", login.field("refresh_token")))), "and refreshed ones");
    }

    @Test
    void plainJwtTokenOfItsClientWorksAsBearerAndIsIntrospectedAndRevoked() {
        Client client = accounts.plainJwtClient();
        User user = accounts.user();
        String token = http.postForm("/oauth/token", client.id(), TestAccounts.SECRET, params("grant_type", "password",
                "username", user.username(), "password", TestAccounts.PASSWORD)).field("access_token");
        Logins logins = new Logins(http);

        assertEquals(200, http.get("/me/devices", "Bearer " + token).status(), "a bearer token at the auth server's APIs");
        assertTrue(logins.active(token), "RFC 7662 introspection describes it");
        Http.Response revoked = http.postForm("/oauth/revoke", client.id(), TestAccounts.SECRET, Map.of("token", token));
        assertEquals(200, revoked.status(), revoked::toString);
        assertFalse(logins.active(token), "RFC 7009 revocation reaches it");
        assertEquals(401, http.get("/me/devices", "Bearer " + token).status());
    }

    @Test
    void plainJwtFromAClientRegisteredForAtJwtOrForAnotherAudienceIsRefused() throws Exception {
        Logins logins = new Logins(http);
        assertTrue(logins.active(signedJwt("legacy-gateway", "tessera-api")), "control: registered client, our audience");
        assertFalse(logins.active(signedJwt("service-a", "tessera-api")), "service-a is registered for at+jwt");
        assertFalse(logins.active(signedJwt("legacy-gateway", "legacy-gateway")), "an ID token's audience is the client");
        assertFalse(logins.active(signedJwt("no-such-client", "tessera-api")));
    }

    private static String typ(Http.Response response) throws Exception {
        assertEquals(200, response.status(), response::toString);
        return SignedJWT.parse(response.field("access_token")).getHeader().getType().getType();
    }

    /** A typ JWT token with our key: what an ID token or a token of another kind looks like. */
    private String signedJwt(String clientId, String audience) throws Exception {
        Instant now = Instant.now();
        KeyManager.ActiveKey key = keys.active();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(key.key().algorithm().jws()).type(JOSEObjectType.JWT)
                .keyID(key.key().kid()).build(), new JWTClaimsSet.Builder().issuer("http://tessera.test")
                .subject(clientId).audience(audience).claim("client_id", clientId).claim("scope", "orders:read")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(key.signer());
        return jwt.serialize();
    }
}
