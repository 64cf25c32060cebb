package dev.tessera.auth.introspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.keys.KeyManager;
import dev.tessera.testing.Http;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** RFC 7662: valid tokens are described, everything else is just inactive, and only confidential clients may ask. */
@MicronautTest(transactional = false)
class IntrospectionTest extends IntegrationTest {

    @Inject
    KeyManager keys;

    @Test
    void validAccessTokenIsActiveWithItsClaims() {
        Logins logins = new Logins(http);
        Http.Response response = logins.introspect(logins.alice().field("access_token"));

        assertEquals(200, response.status());
        assertTrue(response.json().get("active").asBoolean());
        assertEquals("cli", response.field("client_id"));
        assertEquals("alice", response.field("username"));
        assertEquals("http://tessera.test", response.field("iss"));
        assertEquals("no-store", response.header("Cache-Control"));
    }

    @Test
    void currentRefreshTokenIsActive() {
        Logins logins = new Logins(http);
        Http.Response response = logins.introspect(logins.alice().field("refresh_token"));
        assertTrue(response.json().get("active").asBoolean());
        assertEquals("refresh_token", response.field("token_type"));
    }

    @Test
    void algNoneIsInactive() throws Exception {
        String valid = new Logins(http).alice().field("access_token");
        String[] parts = valid.split("\\.");
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + keys.active().key().kid() + "\"}").toString();
        assertInactive(header + "." + parts[1] + ".");
        assertInactive(header + "." + parts[1] + "." + parts[2]);
    }

    @Test
    void hs256SignedWithThePublicKeyIsInactive() throws Exception {
        String valid = new Logins(http).alice().field("access_token");
        // The RS256 key (ID tokens) is published beside the ES256 one: the classic confusion uses an RSA public key.
        RSAKey publicKey = keys.activeForIdTokens().key().jwk().toPublicJWK().toRSAKey();
        byte[] secret = publicKey.toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                .keyID(publicKey.getKeyID()).build(), SignedJWT.parse(valid).getJWTClaimsSet());
        forged.sign(new MACSigner(secret));
        assertInactive(forged.serialize());
    }

    @Test
    void tokenSignedWithAnotherKeyUnderOurKidIsInactive() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(keys.activeForIdTokens().key().kid()).generate();
        String valid = new Logins(http).alice().field("access_token");
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID(attacker.getKeyID()).build(), SignedJWT.parse(valid).getJWTClaimsSet());
        forged.sign(new RSASSASigner(attacker));
        assertInactive(forged.serialize());
    }

    @Test
    void ourSignatureOnBadClaimsIsInactive() throws Exception {
        assertInactive(signed(c -> c.issuer("https://evil.test"), "at+jwt"));
        assertInactive(signed(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120))), "at+jwt"));
        assertInactive(signed(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))), "at+jwt"));
        assertInactive(signed(c -> c.jwtID(null), "at+jwt"));
        assertInactive(signed(c -> c.claim("client_id", null), "at+jwt"));
        assertInactive(signed(c -> c, "JWT"), "an ID token or other JWT is not an access token (RFC 9068 §4)");
        assertTrue(new Logins(http).active(signed(c -> c, "at+jwt")), "control: the unmodified claims are active");
    }

    @Test
    void garbageIsInactive() {
        String valid = new Logins(http).alice().field("access_token");
        assertInactive(valid.substring(0, valid.length() - 10));
        assertInactive(valid.substring(0, valid.lastIndexOf('.')));
        assertInactive("not-a-token");
        assertInactive("a.b.c");
        assertInactive("....");
        assertInactive(Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(2000) + "\"}") + ".e30.c2ln");
    }

    @Test
    void oversizedTokenIsABadRequest() {
        Http.Response response = new Logins(http).introspect(Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\""
                + "k".repeat(50_000) + "\"}") + ".e30.c2ln");
        assertEquals(400, response.status());
        assertEquals("invalid_request", response.field("error"));
    }

    @Test
    void onlyAuthenticatedConfidentialClientsMayIntrospect() {
        String token = new Logins(http).alice().field("access_token");
        Http.Response anonymous = http.postForm("/oauth/introspect", Map.of("token", token));
        assertEquals(401, anonymous.status());
        Http.Response publicClient = http.postForm("/oauth/introspect", Map.of("token", token, "client_id", "spa"));
        assertEquals(401, publicClient.status());
        assertEquals("invalid_client", publicClient.field("error"));
        Http.Response noToken = http.postForm("/oauth/introspect", "cli", "cli-secret", Map.of());
        assertEquals("invalid_request", noToken.field("error"));
    }

    private String signed(UnaryOperator<JWTClaimsSet.Builder> change, String typ) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("http://tessera.test").subject("someone")
                .audience("tessera-api").issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID("jti-" + now.toEpochMilli() + Math.random())
                .claim("client_id", "cli").claim("scope", "openid");
        KeyManager.ActiveKey key = keys.active();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(key.key().algorithm().jws()).type(new JOSEObjectType(typ))
                .keyID(key.key().kid()).build(), change.apply(claims).build());
        jwt.sign(key.signer());
        return jwt.serialize();
    }

    private void assertInactive(String token) {
        assertInactive(token, "token should be inactive");
    }

    private void assertInactive(String token, String message) {
        Http.Response response = new Logins(http).introspect(token);
        assertEquals(200, response.status(), response::toString);
        assertFalse(response.json().get("active").asBoolean(), message);
        assertEquals(1, response.json().size(), "an inactive answer says nothing more");
    }
}
