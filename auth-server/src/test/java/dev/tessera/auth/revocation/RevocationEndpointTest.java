package dev.tessera.auth.revocation;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationTarget;
import dev.tessera.contract.revocation.RevocationWire;
import dev.tessera.testing.Http;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 7009 revocation, and that it reaches Redis (denylist + stream). */
@MicronautTest(transactional = false)
class RevocationEndpointTest extends IntegrationTest {

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Test
    void revokedAccessTokenIsInactiveAndItsJtiIsOnTheDenylistAndStream() throws Exception {
        Logins logins = new Logins(http);
        Http.Response login = logins.alice();
        String accessToken = login.field("access_token");
        String jti = SignedJWT.parse(accessToken).getJWTClaimsSet().getJWTID();

        assertEquals(200, logins.revoke(accessToken).status());

        assertFalse(logins.active(accessToken));
        assertNotNull(redis.sync().get(RevocationWire.key(new RevocationTarget(RevocationEvent.Kind.JTI, jti))));
        long ttl = redis.sync().pttl(RevocationWire.key(new RevocationTarget(RevocationEvent.Kind.JTI, jti)));
        assertTrue(ttl > 0 && ttl <= 330_000, "kept only for the token's remaining life, ttl=" + ttl);
        assertTrue(redis.sync().xrevrange(RevocationWire.STREAM, io.lettuce.core.Range.create("-", "+"),
                io.lettuce.core.Limit.from(50)).stream().anyMatch(m -> jti.equals(m.getBody().get("subject"))));
        assertTrue(logins.active(login.field("refresh_token")), "revoking an access token leaves the sign-in");
    }

    @Test
    void revokedRefreshTokenEndsTheFamilyAndTheDevicesAccessTokens() {
        Logins logins = new Logins(http);
        Http.Response login = logins.alice();

        assertEquals(200, logins.revoke(login.field("refresh_token")).status());

        assertEquals("invalid_grant", logins.refresh(login.field("refresh_token")).field("error"));
        assertFalse(logins.active(login.field("access_token")), "RFC 7009 §2.1: access tokens of the grant too");
    }

    @Test
    void unknownOrGarbageTokensAreAcceptedSilently() {
        Logins logins = new Logins(http);
        assertEquals(200, logins.revoke("no-such-token").status());
        assertEquals(200, logins.revoke("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").status());
        assertEquals(200, http.postForm("/oauth/revoke", "cli", "cli-secret",
                params("token", "x", "token_type_hint", "something_else")).status());
    }

    @Test
    void anotherClientCannotRevokeTheToken() {
        Logins logins = new Logins(http);
        Http.Response login = logins.alice();
        Http.Response response = http.postForm("/oauth/revoke", "docs", "docs-secret",
                Map.of("token", login.field("refresh_token")));

        assertEquals(400, response.status());
        assertEquals("unauthorized_client", response.field("error"));
        assertTrue(logins.active(login.field("refresh_token")));
    }

    @Test
    void revocationNeedsClientAuthenticationAndAToken() {
        assertEquals(401, http.postForm("/oauth/revoke", Map.of("token", "x")).status());
        Http.Response missing = http.postForm("/oauth/revoke", "cli", "cli-secret", Map.of());
        assertEquals(400, missing.status());
        assertEquals("invalid_request", missing.field("error"));
    }
}
