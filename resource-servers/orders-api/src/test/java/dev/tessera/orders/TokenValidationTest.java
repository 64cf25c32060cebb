package dev.tessera.orders;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.testing.AuthServerProcess;
import dev.tessera.testing.Http;
import dev.tessera.testing.TestServices;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Local validation against the real auth server's keys: forged, malformed and misdirected tokens are 401 invalid_token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenValidationTest {

    private AuthServerProcess auth;
    private EmbeddedServer api;
    private Http authHttp;
    private Http apiHttp;

    @BeforeAll
    void start() {
        auth = AuthServerProcess.start(Map.of());
        api = ApiReplicas.startOne("api-1", auth.issuer(), TestServices.endpoints().redisUri(), Map.of());
        authHttp = new Http(auth.uri());
        apiHttp = new Http(api.getURI());
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.close();
        }
        if (auth != null) {
            auth.close();
        }
    }

    private String login(String username, String password, String scope) {
        Http.Response response = authHttp.postForm("/oauth/token", "cli", "cli-secret", params("grant_type", "password",
                "username", username, "password", password, "scope", scope));
        assertEquals(200, response.status(), response::toString);
        return response.field("access_token");
    }

    private String alice() {
        return login("alice", "alice-pass", "openid orders:read orders:write");
    }

    /** The auth server's active signing key, read from its database: lets the test sign tokens the server would. */
    private RSAKey activeKey() throws Exception {
        TestServices.Endpoints db = TestServices.endpoints();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.pgUser(), db.pgPassword());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT kid, jwk FROM signing_keys WHERE retired_at IS NULL AND algorithm = 'RS256' ORDER BY created_at DESC LIMIT 1")) {
            rs.next();
            return JWK.parse(TestServices.decryptSigningKey(rs.getString(1), rs.getString(2))).toRSAKey();
        }
    }

    private String signed(UnaryOperator<JWTClaimsSet.Builder> change, String typ) throws Exception {
        RSAKey key = activeKey();
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(auth.issuer()).subject(UUID.randomUUID().toString())
                .audience("tessera-api").issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString())
                .claim("client_id", "cli").claim("scope", "openid");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType(typ))
                .keyID(key.getKeyID()).build(), change.apply(claims).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void assertInvalidToken(String token, String what) {
        Http.Response response = apiHttp.get("/api/profile", "Bearer " + token);
        assertEquals(401, response.status(), what + ": " + response);
        assertTrue(response.header("WWW-Authenticate").contains("error=\"invalid_token\""), what);
        assertEquals("invalid_token", response.field("error"), what);
    }

    @Test
    void controlTokenSignedTheSameWayIsAccepted() throws Exception {
        assertEquals(200, apiHttp.get("/api/profile", "Bearer " + signed(c -> c, "at+jwt")).status(),
                "the forgeries below differ from this in one thing each");
    }

    @Test
    void forgedAndMalformedTokensAreRefused() throws Exception {
        String valid = alice();
        String[] parts = valid.split("\\.");
        RSAKey publicKey = activeKey().toPublicJWK();
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                .keyID(publicKey.getKeyID()).build(), SignedJWT.parse(valid).getJWTClaimsSet());
        hs256.sign(new MACSigner(publicKey.toJSONString().getBytes(StandardCharsets.UTF_8)));
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown-" + UUID.randomUUID()).generate();
        SignedJWT unknownKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID(stranger.getKeyID()).build(), SignedJWT.parse(valid).getJWTClaimsSet());
        unknownKid.sign(new RSASSASigner(stranger));

        assertInvalidToken(Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".", "alg none");
        assertInvalidToken(hs256.serialize(), "HS256 keyed with the RSA public key");
        assertInvalidToken(unknownKid.serialize(), "unknown kid");
        assertInvalidToken(signed(c -> c.issuer("https://evil.test"), "at+jwt"), "wrong iss");
        assertInvalidToken(signed(c -> c.audience("another-api"), "at+jwt"), "wrong aud");
        assertInvalidToken(signed(c -> c, "JWT"), "wrong typ");
        assertInvalidToken(signed(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(60))), "at+jwt"), "expired");
        assertInvalidToken(signed(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))), "at+jwt"), "not yet valid");
        assertInvalidToken(signed(c -> c.jwtID(null), "at+jwt"), "no jti");
        assertInvalidToken(valid.substring(0, valid.length() - 12), "truncated");
        assertInvalidToken(parts[0] + "." + parts[1], "two parts");
        assertInvalidToken("garbage", "garbage");
        assertInvalidToken(Base64URL.encode("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + "k".repeat(50_000) + "\"}")
                + "." + parts[1] + "." + parts[2], "50 KB header");
    }

    @Test
    void tokenInTheQueryStringIsNotAccepted() {
        Http.Response response = apiHttp.get("/api/profile?access_token=" + alice());
        assertEquals(401, response.status());
        assertTrue(response.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    }

    @Test
    void noTokenIsABareChallenge() {
        Http.Response response = apiHttp.get("/api/profile");
        assertEquals(401, response.status());
        assertEquals("Bearer realm=\"tessera\"", response.header("WWW-Authenticate"));
        assertEquals(200, apiHttp.get("/api/ping").status(), "the public reference endpoint needs nothing");
    }

    @Test
    void scopesGateTheOrdersEndpoints() {
        String readOnly = login("alice", "alice-pass", "openid orders:read");
        String profileOnly = login("alice", "alice-pass", "openid profile");
        String readWrite = alice();

        assertEquals(200, apiHttp.get("/api/orders", "Bearer " + readOnly).status());
        Http.Response forbidden = apiHttp.get("/api/orders", "Bearer " + profileOnly);
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.header("WWW-Authenticate").contains("insufficient_scope"));
        Http.Response write = apiHttp.send("/api/orders", "POST", "application/json", "{\"item\":\"tea\",\"quantity\":2}",
                "Bearer " + readOnly);
        assertEquals(403, write.status(), "orders:read cannot write");
        Http.Response placed = apiHttp.send("/api/orders", "POST", "application/json", "{\"item\":\"tea\",\"quantity\":2}",
                "Bearer " + readWrite);
        assertEquals(201, placed.status(), placed::toString);
        assertTrue(apiHttp.get("/api/orders", "Bearer " + readWrite).body().contains(placed.field("id")));
    }

    @Test
    void badOrderBodiesAreClientErrorsWithAMessage() {
        String token = "Bearer " + alice();
        for (String body : new String[] {"", "not json", "{}", "{\"item\":\"\",\"quantity\":1}", "{\"item\":\"x\",\"quantity\":0}",
                "{\"item\":\"x\",\"quantity\":\"many\"}", "{\"item\":\"" + "x".repeat(200) + "\",\"quantity\":1}"}) {
            Http.Response response = apiHttp.send("/api/orders", "POST", "application/json", body, token);
            assertEquals(400, response.status(), body + " -> " + response);
            assertFalse(response.body().contains("Exception"), response.body());
        }
        assertEquals(415, apiHttp.send("/api/orders", "POST", "text/plain", "tea", token).status());
    }

    @Test
    void keyRotationAtTheAuthServerKeepsOldTokensAndAcceptsNewOnes() throws Exception {
        String before = alice();
        String admin = "Bearer " + login("admin", "admin-pass", "openid");
        Http.Response rotated = authHttp.send("/admin/keys/rotate", "POST", null, null, admin);
        assertEquals(200, rotated.status(), rotated::toString);
        Thread.sleep(1_100); // let the replica's JWKS refetch limit (1 s in tests) pass

        String after = alice();
        assertNotEquals(SignedJWT.parse(before).getHeader().getKeyID(), SignedJWT.parse(after).getHeader().getKeyID());
        assertEquals(200, apiHttp.get("/api/profile", "Bearer " + after).status(), "the new kid is fetched on first sight");
        assertEquals(200, apiHttp.get("/api/profile", "Bearer " + before).status(), "the retired key still verifies");
    }

    @Test
    void aFloodOfUnknownKidsCostsTheAuthServerAtMostOneFetchPerInterval() throws Exception {
        Thread.sleep(1_100);
        MeterRegistry meters = api.getApplicationContext().getBean(MeterRegistry.class);
        double before = meters.counter("tessera.jwks.fetches").count();
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            RSAKey forged = new RSAKeyGenerator(2048).keyID("forged-" + i).generate();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                    .keyID(forged.getKeyID()).build(), new JWTClaimsSet.Builder().subject("x").build());
            jwt.sign(new RSASSASigner(forged));
            assertEquals(401, apiHttp.get("/api/profile", "Bearer " + jwt.serialize()).status());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double fetches = meters.counter("tessera.jwks.fetches").count() - before;
        assertTrue(fetches <= Math.ceil(seconds) + 1, fetches + " JWKS fetches for 100 forged kids in " + seconds + " s");
    }
}
