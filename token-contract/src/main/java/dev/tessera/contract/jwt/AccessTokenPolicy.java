package dev.tessera.contract.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * What a verifier accepts as an access token (RFC 9068 §4).
 *
 * @param issuer     compared exactly with {@code iss}
 * @param audience   required in {@code aud}; null accepts any (the auth server checking its own tokens)
 * @param algorithms the JWS algorithms accepted, each key still pinned to its own
 * @param clockSkew  leeway on {@code exp} and {@code nbf}
 * @param clock      the time checks are made against (tests move it instead of sleeping)
 */
public record AccessTokenPolicy(String issuer, String audience, Set<JWSAlgorithm> algorithms, Duration clockSkew,
                                Clock clock) {

    /** Every algorithm Tessera signs with. */
    public static final Set<JWSAlgorithm> ALL_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);
}
