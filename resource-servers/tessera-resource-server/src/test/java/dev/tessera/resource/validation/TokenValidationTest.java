package dev.tessera.resource.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.resource.support.ProtectedApi;
import dev.tessera.resource.support.StubIssuer;
import dev.tessera.resource.support.TestClock;
import dev.tessera.testing.Http;
import dev.tessera.testing.TestServices;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The library validating tokens of a stub issuer (its own keys, its own JWKS): forged, malformed,
 * misdirected and expired tokens are 401 invalid_token; time moves by the test clock, never by sleeping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenValidationTest {

    private StubIssuer issuer;
    private EmbeddedServer api;
    private TestClock clock;
    private Http http;

    @BeforeAll
    void start() throws Exception {
        issuer = StubIssuer.start();
        api = ProtectedApi.start(issuer.issuer(), TestServices.endpoints().redisUri(),
                Map.of("tessera.resource-server.jwks-min-refetch-interval", "10s",
                        // The feed is not under test here: moving the clock must not make it stale.
                        "tessera.resource-server.revocation.staleness-bound", "1h"));
        clock = ProtectedApi.clock(api);
        http = new Http(api.getURI());
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    private String token() {
        return issuer.sign(clock.instant(), c -> c);
    }

    private void assertInvalidToken(String token, String what) {
        Http.Response response = http.get("/api/profile", "Bearer " + token);
        assertEquals(401, response.status(), what + ": " + response);
        assertTrue(response.header("WWW-Authenticate").contains("error=\"invalid_token\""), what);
        assertEquals("invalid_token", response.field("error"), what);
    }

    @Test
    void aTokenOfTheIssuerIsAcceptedWithItsScopesAsRoles() {
        Http.Response profile = http.get("/api/profile", "Bearer " + token());
        assertEquals(200, profile.status(), profile::toString);
        assertTrue(profile.body().contains("scope:orders:read"), profile.body());
        assertEquals(200, http.get("/api/orders", "Bearer " + token()).status());
        Http.Response noScope = http.get("/api/orders", "Bearer " + issuer.sign(clock.instant(), c -> c.claim("scope", "openid")));
        assertEquals(403, noScope.status());
        assertTrue(noScope.header("WWW-Authenticate").contains("insufficient_scope"));
    }

    @Test
    void forgedMalformedAndMisdirectedTokensAreRefused() throws Exception {
        String valid = token();
        String[] parts = valid.split("\\.");
        RSAKey publicKey = issuer.activeKey().toPublicJWK();
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                .keyID(publicKey.getKeyID()).build(), SignedJWT.parse(valid).getJWTClaimsSet());
        hs256.sign(new MACSigner(publicKey.toJSONString().getBytes(StandardCharsets.UTF_8)));
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(issuer.activeKey().getKeyID()).generate();
        Instant now = clock.instant();

        assertInvalidToken(Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".", "alg none");
        assertInvalidToken(hs256.serialize(), "HS256 keyed with the RSA public key");
        assertInvalidToken(StubIssuer.sign(stranger, "at+jwt", issuer.claims(now).build()), "a foreign key under our kid");
        assertInvalidToken(issuer.sign(now, c -> c.issuer("https://evil.test")), "wrong iss");
        assertInvalidToken(issuer.sign(now, c -> c.audience("another-api")), "wrong aud");
        assertInvalidToken(StubIssuer.sign(issuer.activeKey(), "JWT", issuer.claims(now).build()), "wrong typ");
        assertInvalidToken(issuer.sign(now, c -> c.expirationTime(Date.from(now.minusSeconds(60)))), "expired");
        assertInvalidToken(issuer.sign(now, c -> c.notBeforeTime(Date.from(now.plusSeconds(600)))), "not yet valid");
        assertInvalidToken(issuer.sign(now, c -> c.jwtID(null)), "no jti");
        assertInvalidToken(valid.substring(0, valid.length() - 12), "truncated");
        assertInvalidToken(parts[0] + "." + parts[1], "two parts");
        assertInvalidToken("garbage", "garbage");
        assertInvalidToken(Base64URL.encode("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + "k".repeat(50_000) + "\"}")
                + "." + parts[1] + "." + parts[2], "50 KB header");
    }

    @Test
    void aCachedTokenIsStillRefusedOnceItExpires() {
        String token = issuer.sign(clock.instant(), c -> c.expirationTime(Date.from(clock.instant().plusSeconds(60))));
        assertEquals(200, http.get("/api/profile", "Bearer " + token).status());
        assertEquals(200, http.get("/api/profile", "Bearer " + token).status(), "served from the verified-token cache");

        clock.advance(Duration.ofSeconds(91)); // past exp plus the 30 s skew
        assertInvalidToken(token, "expired while cached");
    }

    @Test
    void aCachedTokensSignatureUnderAlteredClaimsIsRefused() throws Exception {
        String valid = issuer.sign(clock.instant(), c -> c.subject("alice"));
        assertEquals(200, http.get("/api/profile", "Bearer " + valid).status(), "verified, now cached by its signature");
        String[] parts = valid.split("\\.");
        String claims = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8).replace("\"alice\"", "\"admin\"");
        String altered = parts[0] + "." + Base64URL.encode(claims) + "." + parts[2];
        assertInvalidToken(altered, "the cached token's signature over other claims");
        assertEquals(200, http.get("/api/profile", "Bearer " + valid).status(), "the genuine token is still served");
    }

    @Test
    void noTokenIsABareChallengeAndQueryTokensAreNotAccepted() {
        Http.Response none = http.get("/api/profile");
        assertEquals(401, none.status());
        assertEquals("Bearer realm=\"tessera\"", none.header("WWW-Authenticate"));
        assertEquals(200, http.get("/api/ping").status());
        Http.Response inQuery = http.get("/api/profile?access_token=" + token());
        assertEquals(401, inQuery.status());
        assertTrue(inQuery.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndNoOtherSchemeCarriesAToken() {
        String token = token();
        // RFC 7235 §2.1: the scheme is case-insensitive; RFC 6750 §2.1: one or more spaces before the token.
        assertEquals(200, http.get("/api/profile", "bearer " + token).status());
        assertEquals(200, http.get("/api/profile", "BEARER  " + token).status());
        for (String authorization : new String[] {"Bearer", "Bearer ", "Basic " + token, "Token " + token, "Bearer" + token}) {
            Http.Response refused = http.get("/api/profile", authorization);
            assertEquals(401, refused.status(), authorization.length() > 20 ? authorization.substring(0, 20) : authorization);
            assertTrue(refused.header("WWW-Authenticate").startsWith("Bearer"), refused::toString);
        }
    }

    @Test
    void aRotatedKeyIsFetchedOnFirstSightOnceTheRefetchIntervalAllows() {
        String before = token();
        assertEquals(200, http.get("/api/profile", "Bearer " + before).status());
        clock.advance(Duration.ofSeconds(11));
        issuer.rotate();

        String after = token();
        assertEquals(200, http.get("/api/profile", "Bearer " + after).status(), "the new kid is fetched on first sight");
        assertEquals(200, http.get("/api/profile", "Bearer " + before).status(), "the older key still verifies");
    }

    @Test
    void aTokenOfAWithdrawnKeyIsRefusedEvenWhenItsVerificationIsCached() {
        clock.advance(Duration.ofSeconds(11));
        var compromised = issuer.rotate();
        String signedByIt = token();
        clock.advance(Duration.ofSeconds(11));
        assertEquals(200, http.get("/api/profile", "Bearer " + signedByIt).status(), "verified and cached");

        clock.advance(Duration.ofSeconds(11));
        issuer.rotate();
        issuer.withdraw(compromised);
        String signedByTheNewKey = token();
        assertEquals(200, http.get("/api/profile", "Bearer " + signedByTheNewKey).status(),
                "the new kid makes the replica fetch the JWKS, which no longer has the withdrawn key");

        assertInvalidToken(signedByIt, "a cached verification does not outlive the key that made it");
    }

    @Test
    void aFloodOfUnknownKidsCostsTheIssuerAtMostOneFetchPerInterval() throws Exception {
        clock.advance(Duration.ofSeconds(11));
        MeterRegistry meters = api.getApplicationContext().getBean(MeterRegistry.class);
        int fetchesBefore = issuer.jwksFetches();
        double rejectedBefore = meters.counter("tessera.tokens.rejected", "reason", "unknown_kid").count();
        for (int i = 0; i < 50; i++) {
            RSAKey forged = new RSAKeyGenerator(2048).keyID("forged-" + UUID.randomUUID()).generate();
            assertInvalidToken(StubIssuer.sign(forged, "at+jwt", issuer.claims(clock.instant()).build()), "forged kid " + i);
        }
        assertEquals(1, issuer.jwksFetches() - fetchesBefore, "one refetch for the whole flood within one interval");
        assertEquals(50, meters.counter("tessera.tokens.rejected", "reason", "unknown_kid").count() - rejectedBefore);
    }
}
