package dev.tessera.contract.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import dev.tessera.contract.crypto.SignatureProvider;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link JWSKeySelector} over a JWK source that takes the algorithm from the key, never from the
 * token (RFC 8725 §3.1): the header's {@code alg} must be one of the pinned algorithms and equal to
 * the {@code alg} of the JWK its {@code kid} names. It hands Nimbus keys that carry a ready verifier
 * (built once per key, including Ed25519, which Nimbus's default key conversion cannot do), and
 * {@link #verifiers()} is the factory that unwraps them. RSA and ECDSA verifiers compute through the
 * given {@link SignatureProvider}.
 */
final class PinnedKeySelector implements JWSKeySelector<SecurityContext> {

    private static final int MAX_CACHED_VERIFIERS = 64;

    private final Set<JWSAlgorithm> algorithms;
    private final JWKSource<SecurityContext> keys;
    private final Map<String, Cached> verifiers = new ConcurrentHashMap<>();
    private final SignatureProvider provider;

    PinnedKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> keys, SignatureProvider provider) {
        this.algorithms = new java.util.HashSet<>(algorithms);
        this.keys = keys;
        this.provider = provider;
    }

    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        JWSAlgorithm algorithm = header.getAlgorithm();
        if (!algorithms.contains(algorithm) || header.getKeyID() == null) {
            return List.of();
        }
        JWKMatcher matcher = new JWKMatcher.Builder().keyID(header.getKeyID()).algorithm(algorithm)
                .keyUses(KeyUse.SIGNATURE, null).build();
        List<Key> selected = new ArrayList<>(1);
        for (JWK jwk : keys.get(new JWKSelector(matcher), context)) {
            JWSVerifier verifier = verifier(jwk, algorithm);
            if (verifier != null) {
                selected.add(new VerifyingKey(verifier));
            }
        }
        return selected;
    }

    private JWSVerifier verifier(JWK jwk, JWSAlgorithm algorithm) {
        Cached cached = verifiers.get(jwk.getKeyID());
        if (cached != null && cached.jwk.equals(jwk)) {
            return cached.verifier;
        }
        JWSVerifier verifier;
        try {
            verifier = create(jwk.toPublicJWK(), algorithm);
        } catch (JOSEException e) {
            return null;
        }
        if (verifier != null) {
            if (verifiers.size() >= MAX_CACHED_VERIFIERS) {
                verifiers.clear();
            }
            verifiers.put(jwk.getKeyID(), new Cached(jwk, verifier));
        }
        return verifier;
    }

    private JWSVerifier create(JWK jwk, JWSAlgorithm algorithm) throws JOSEException {
        if (JWSAlgorithm.Family.RSA.contains(algorithm) && jwk instanceof RSAKey rsa) {
            return provider.apply(new RSASSAVerifier(rsa));
        }
        if (JWSAlgorithm.Family.EC.contains(algorithm) && jwk instanceof ECKey ec) {
            return provider.apply(new ECDSAVerifier(ec));
        }
        if (JWSAlgorithm.Family.ED.contains(algorithm) && jwk instanceof OctetKeyPair okp) {
            return new Ed25519Verifier(okp);
        }
        return null;
    }

    /** The factory that turns the selected keys back into their verifiers. */
    static JWSVerifierFactory verifiers() {
        return new Verifiers();
    }

    private record Cached(JWK jwk, JWSVerifier verifier) {
    }

    /** A selected key: only a carrier of its verifier. */
    private record VerifyingKey(JWSVerifier verifier) implements Key {
        @Override
        public String getAlgorithm() {
            return "JWS";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    private static final class Verifiers implements JWSVerifierFactory {
        private final JCAContext jca = new JCAContext();

        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
            if (key instanceof VerifyingKey verifying) {
                return verifying.verifier();
            }
            throw new JOSEException("not a key chosen by the pinned key selector");
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            Set<JWSAlgorithm> all = new java.util.HashSet<>(JWSAlgorithm.Family.RSA);
            all.addAll(JWSAlgorithm.Family.EC);
            all.addAll(JWSAlgorithm.Family.ED);
            return all;
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }
}
