package dev.tessera.bench;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signing and verifying an access token shaped like Tessera's (RFC 9068 claims) with each
 * algorithm Tessera offers, through the JDK's providers and through Amazon Corretto Crypto Provider
 * (set on the signer's and verifier's JCA context, as the auth server and the resource servers do).
 * Nimbus signs Ed25519 with Tink, not through JCA, so EdDSA has one variant. {@code parse} (decode
 * without checking the signature) is the reference every other number is divided by.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JwtSignVerifyBenchmark {

    @Param({"RS256/JDK", "RS256/ACCP", "ES256/JDK", "ES256/ACCP", "EdDSA/Tink"})
    public String variant;

    private JWSSigner signer;
    private JWSVerifier verifier;
    private JWSHeader header;
    private JWTClaimsSet claims;
    private String token;

    @Setup(Level.Trial)
    public void setUp() throws JOSEException {
        String algorithm = variant.substring(0, variant.indexOf('/'));
        switch (algorithm) {
            case "RS256" -> {
                RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
                signer = new RSASSASigner(key);
                verifier = new RSASSAVerifier(key.toPublicJWK());
            }
            case "ES256" -> {
                ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
                signer = new ECDSASigner(key);
                verifier = new ECDSAVerifier(key.toPublicJWK());
            }
            case "EdDSA" -> {
                OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("k").generate();
                signer = new Ed25519Signer(key);
                verifier = new Ed25519Verifier(key.toPublicJWK());
            }
            default -> throw new IllegalArgumentException(algorithm);
        }
        if (variant.endsWith("/ACCP")) {
            AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
            signer.getJCAContext().setProvider(AmazonCorrettoCryptoProvider.INSTANCE);
            verifier.getJCAContext().setProvider(AmazonCorrettoCryptoProvider.INSTANCE);
        }
        header = new JWSHeader.Builder(JWSAlgorithm.parse(algorithm)).type(new JOSEObjectType("at+jwt")).keyID("k").build();
        Date now = new Date();
        claims = new JWTClaimsSet.Builder().issuer("http://127.0.0.1:9000").subject("dfb45bb1-5591-33aa-abbf-7a8ed45bc6d9")
                .audience("tessera-api").issueTime(now).notBeforeTime(now).expirationTime(new Date(now.getTime() + 300_000))
                .jwtID("wk3PYlPvQ-_o5NF6tRnP2A").claim("client_id", "cli").claim("scope", "openid profile email orders:read")
                .claim("sid", "15c642c8-2f2f-430c-8db4-340cdc31aa6c").claim("roles", List.of("user")).build();
        token = sign();
    }

    @Benchmark
    public String sign() throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Benchmark
    public boolean verify() throws ParseException, JOSEException {
        return SignedJWT.parse(token).verify(verifier);
    }

    @Benchmark
    public JWTClaimsSet parse() throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }
}
