package dev.tessera.contract.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.contract.Claims;
import dev.tessera.contract.crypto.SignatureProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The verifier core against tokens signed here: each forgery differs from a good token in one thing. */
class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String ISSUER = "https://issuer.test";

    private final RSAKey rsa = generate(() -> new RSAKeyGenerator(2048).keyID("rsa").algorithm(JWSAlgorithm.RS256).generate());
    private final ECKey ec = generate(() -> new ECKeyGenerator(Curve.P_256).keyID("ec").algorithm(JWSAlgorithm.ES256).generate());
    private final OctetKeyPair ed = generate(() -> new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed")
            .algorithm(JWSAlgorithm.EdDSA).generate());
    private final AccessTokens verifier = new AccessTokens(new ImmutableJWKSet<>(new JWKSet(List.of(rsa.toPublicJWK(),
            ec.toPublicJWK(), ed.toPublicJWK()))), new AccessTokenPolicy(ISSUER, "api",
            AccessTokenPolicy.ALL_ALGORITHMS, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC)),
            SignatureProvider.select(true));

    interface KeySupplier<T> {
        T get() throws Exception;
    }

    private static <T> T generate(KeySupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("u-1").audience("api").jwtID("j-1")
                .issueTime(Date.from(NOW)).notBeforeTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim(Claims.CLIENT_ID, "cli").claim(Claims.SCOPE, "openid orders:read").claim(Claims.SID, "d-1");
    }

    private static String sign(JWK key, JWSAlgorithm alg, JWSSigner signer, JOSEObjectType typ,
                               UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(typ).keyID(key.getKeyID()).build(),
                change.apply(claims()).build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private String rs256(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return sign(rsa, JWSAlgorithm.RS256, new RSASSASigner(rsa), Claims.ACCESS_TOKEN_TYPE, change);
    }

    private String reason(String token) {
        return assertThrows(InvalidJwtException.class, () -> verifier.verify(token)).reason();
    }

    @Test
    void everyAlgorithmTesseraSignsWithVerifies() throws Exception {
        assertEquals("d-1", verifier.verify(rs256(c -> c)).deviceId());
        assertEquals("u-1", verifier.verify(sign(ec, JWSAlgorithm.ES256, new ECDSASigner(ec), Claims.ACCESS_TOKEN_TYPE,
                c -> c)).subject());
        VerifiedAccessToken viaEd = verifier.verify(sign(ed, JWSAlgorithm.EdDSA, new Ed25519Signer(ed),
                Claims.ACCESS_TOKEN_TYPE, c -> c));
        assertEquals(List.of("openid", "orders:read"), viaEd.scopes());
        assertEquals("cli", viaEd.revocable().clientId());
    }

    @Test
    void theAlgorithmComesFromTheKeyNeverFromTheToken() throws Exception {
        String good = rs256(c -> c);
        String[] parts = good.split("\\.");
        assertEquals("malformed", reason(Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"rsa\"}") + "." + parts[1] + "."));
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(Claims.ACCESS_TOKEN_TYPE)
                .keyID("rsa").build(), claims().build());
        hs256.sign(new MACSigner(rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        assertEquals("key", reason(hs256.serialize()), "HS256 keyed with the public key");
        assertEquals("key", reason(sign(ec, JWSAlgorithm.ES256, new ECDSASigner(ec), Claims.ACCESS_TOKEN_TYPE, c -> c)
                .replaceFirst("^[^.]+", Base64URL.encode("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"rsa\"}").toString())),
                "another key's kid");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa").algorithm(JWSAlgorithm.RS256).generate();
        assertEquals("signature", reason(sign(stranger, JWSAlgorithm.RS256, new RSASSASigner(stranger),
                Claims.ACCESS_TOKEN_TYPE, c -> c)), "a foreign key under our kid");
    }

    @Test
    void typeAndClaimsAreChecked() throws Exception {
        assertEquals("typ", reason(sign(rsa, JWSAlgorithm.RS256, new RSASSASigner(rsa), JOSEObjectType.JWT, c -> c)));
        assertEquals("typ", reason(sign(rsa, JWSAlgorithm.RS256, new RSASSASigner(rsa), null, c -> c)), "no typ at all");
        assertEquals("issuer", reason(rs256(c -> c.issuer("https://evil.test"))));
        assertEquals("audience", reason(rs256(c -> c.audience("another-api"))));
        assertEquals("expired", reason(rs256(c -> c.expirationTime(Date.from(NOW.minusSeconds(31))))));
        assertEquals("not_yet_valid", reason(rs256(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(31))))));
        assertEquals("not_yet_valid", reason(rs256(c -> c.notBeforeTime(null).issueTime(Date.from(NOW.plusSeconds(60))))));
        assertEquals("claims", reason(rs256(c -> c.jwtID(null))));
        assertEquals("claims", reason(rs256(c -> c.claim(Claims.CLIENT_ID, null))));
        assertEquals("claims", reason(rs256(c -> c.claim(Claims.ROLES, 42))));
        verifier.verify(rs256(c -> c.expirationTime(Date.from(NOW.minusSeconds(29)))));
    }

    @Test
    void garbageIsMalformedAndOversizedInputIsNotParsed() throws Exception {
        String good = rs256(c -> c);
        assertEquals("malformed", reason("garbage"));
        assertEquals("malformed", reason(good.substring(0, good.lastIndexOf('.'))));
        assertEquals("signature", reason(good.substring(0, good.length() - 12)));
        assertEquals("too_long", reason("a".repeat(JwtVerifier.MAX_TOKEN_LENGTH + 1)));
    }
}
