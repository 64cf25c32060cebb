package dev.tessera.auth.keys;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;

/**
 * A stored key. {@code jwk} includes the private part; it is never logged or served.
 *
 * @param retiredAt    when it stopped signing (null while it is the active key)
 * @param publishUntil when it leaves the JWKS (null while active)
 */
public record SigningKey(String kid, SigningAlgorithm algorithm, JWK jwk, Instant createdAt, Instant retiredAt,
                         Instant publishUntil) {

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", algorithm=" + algorithm + ", createdAt=" + createdAt + ", retiredAt="
                + retiredAt + "]";
    }
}
