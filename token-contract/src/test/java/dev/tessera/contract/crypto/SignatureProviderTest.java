package dev.tessera.contract.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureProviderTest {

    private static final SignatureProvider NATIVE = SignatureProvider.select(true);
    private static final SignatureProvider JDK = SignatureProvider.jdk();

    @Test
    void nativeProviderLoadsOnLinuxX86_64() {
        assertEquals(SignatureProvider.NATIVE, NATIVE.name(), "Amazon Corretto Crypto Provider should load on linux-x86_64 ("
                + NATIVE.fallbackReason().orElse("") + "); on another platform the JDK fallback is expected");
        assertEquals("AmazonCorrettoCryptoProvider", NATIVE.provider().orElseThrow().getName());
        assertTrue(NATIVE.fallbackReason().isEmpty());
    }

    @Test
    void turnedOffUsesTheJdkWithoutAFallbackReason() {
        SignatureProvider off = SignatureProvider.select(false);
        assertEquals(SignatureProvider.JDK, off.name());
        assertTrue(off.provider().isEmpty());
        assertTrue(off.fallbackReason().isEmpty());
    }

    @Test
    void aProviderThatCannotLoadFallsBackToTheJdkAndSaysWhy() throws JOSEException {
        SignatureProvider fallback = SignatureProvider.select(() -> {
            throw new UnsatisfiedLinkError("no amazonCorrettoCryptoProvider in java.library.path");
        });
        assertEquals(SignatureProvider.JDK, fallback.name());
        assertTrue(fallback.fallbackReason().orElseThrow().contains("java.library.path"));
        RSASSASigner signer = fallback.apply(new RSASSASigner(rsa()));
        assertNull(signer.getJCAContext().getProvider());
    }

    @Test
    void appliedSignersAndVerifiersCarryTheNativeProvider() throws JOSEException {
        RSAKey key = rsa();
        assertSame(NATIVE.provider().orElseThrow(), NATIVE.apply(new RSASSASigner(key)).getJCAContext().getProvider());
        assertSame(NATIVE.provider().orElseThrow(),
                NATIVE.apply(new ECDSAVerifier(ec().toPublicJWK())).getJCAContext().getProvider());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void tokensSignedByOneProviderVerifyWithTheOther(String algorithm) throws Exception {
        Pair keys = pair(algorithm);
        String byNative = sign(algorithm, NATIVE.apply(keys.signer()));
        assertTrue(SignedJWT.parse(byNative).verify(JDK.apply(keys.verifier())));
        Pair other = pair(algorithm);
        String byJdk = sign(algorithm, JDK.apply(other.signer()));
        assertTrue(SignedJWT.parse(byJdk).verify(NATIVE.apply(other.verifier())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void theNativeVerifierRefusesATamperedSignature(String algorithm) throws Exception {
        Pair keys = pair(algorithm);
        SignedJWT token = SignedJWT.parse(sign(algorithm, NATIVE.apply(keys.signer())));
        byte[] signature = token.getSignature().decode();
        signature[signature.length / 2] ^= 1;
        SignedJWT tampered = new SignedJWT(token.getHeader().toBase64URL(), token.getPayload().toBase64URL(),
                Base64URL.encode(signature));
        assertFalse(tampered.verify(NATIVE.apply(keys.verifier())));
    }

    private static String sign(String algorithm, JWSSigner signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.parse(algorithm)),
                new JWTClaimsSet.Builder().subject("alice").issuer("http://127.0.0.1:9000").build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static Pair pair(String algorithm) throws JOSEException {
        if ("ES256".equals(algorithm)) {
            ECKey key = ec();
            return new Pair(new ECDSASigner(key), new ECDSAVerifier(key.toPublicJWK()));
        }
        RSAKey key = rsa();
        return new Pair(new RSASSASigner(key), new RSASSAVerifier(key.toPublicJWK()));
    }

    private static RSAKey rsa() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Pair(JWSSigner signer, JWSVerifier verifier) {
    }
}
