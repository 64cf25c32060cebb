package dev.tessera.auth.token.issue;

import dev.tessera.auth.keys.KeyManager;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.contract.jwt.AccessTokenPolicy;
import dev.tessera.contract.jwt.AccessTokens;
import dev.tessera.contract.jwt.InvalidJwtException;
import dev.tessera.contract.jwt.VerifiedAccessToken;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks that a string is an access token Tessera issued and that it is within its lifetime, with
 * the shared verifier core ({@link AccessTokens}) over the published keys: the algorithm comes from
 * the stored key named by {@code kid}, never from the token, so {@code alg: none}, HS256 keyed with a
 * public key, or any algorithm other than the key's is refused. Revocation is checked separately
 * ({@code revocation} package).
 */
@Singleton
public class AccessTokenVerifier {

    private final AccessTokens tokens;

    public AccessTokenVerifier(KeyManager keys, TokenProperties properties, Clock clock) {
        // No audience requirement: introspection and the auth server's own endpoints take any of its tokens.
        this.tokens = new AccessTokens(keys.jwkSource(), new AccessTokenPolicy(properties.issuer(), null,
                AccessTokenPolicy.ALL_ALGORITHMS, properties.clockSkew(), clock));
    }

    public VerifiedAccessToken verify(String token) throws InvalidJwtException {
        return tokens.verify(token);
    }

    /** The verified token, or empty for anything that is not a valid access token of ours (the reason is not needed). */
    public Optional<VerifiedAccessToken> verifyOrEmpty(String token) {
        try {
            return Optional.of(verify(token));
        } catch (InvalidJwtException e) {
            return Optional.empty();
        }
    }
}
