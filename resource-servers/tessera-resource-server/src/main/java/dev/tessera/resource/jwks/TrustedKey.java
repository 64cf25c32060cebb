package dev.tessera.resource.jwks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;

/** A published key: its kid, the one algorithm it may be used with, and a verifier. */
public record TrustedKey(String kid, JWSAlgorithm algorithm, JWSVerifier verifier) {
}
