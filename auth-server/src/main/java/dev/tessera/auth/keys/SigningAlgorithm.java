package dev.tessera.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.tessera.contract.crypto.SignatureProvider;

/** The JWS algorithms Tessera signs with (RFC 7518 §3, RFC 8037), and how to make and use their keys. */
public enum SigningAlgorithm {
    RS256(JWSAlgorithm.RS256),
    ES256(JWSAlgorithm.ES256),
    EdDSA(JWSAlgorithm.EdDSA);

    private final JWSAlgorithm jws;

    SigningAlgorithm(JWSAlgorithm jws) {
        this.jws = jws;
    }

    public JWSAlgorithm jws() {
        return jws;
    }

    public JWK generate(String kid) throws JOSEException {
        return switch (this) {
            case RS256 -> new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jws).generate();
            case ES256 -> new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jws).generate();
            case EdDSA -> new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jws).generate();
        };
    }

    /** A signer that computes through {@code provider} (EdDSA: Tink, whatever the provider). */
    public JWSSigner signer(JWK key, SignatureProvider provider) throws JOSEException {
        return switch (this) {
            case RS256 -> provider.apply(new RSASSASigner(key.toRSAKey()));
            case ES256 -> provider.apply(new ECDSASigner(key.toECKey()));
            case EdDSA -> new Ed25519Signer(key.toOctetKeyPair());
        };
    }
}
