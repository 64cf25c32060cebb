package dev.tessera.auth.token.issue;

import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.client.AccessTokenType;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientStore;
import dev.tessera.auth.keys.KeyManager;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.contract.jwt.AccessTokenPolicy;
import dev.tessera.contract.crypto.SignatureProvider;
import dev.tessera.contract.jwt.AccessTokens;
import dev.tessera.contract.jwt.InvalidJwtException;
import dev.tessera.contract.jwt.JwtVerifier;
import dev.tessera.contract.jwt.VerifiedAccessToken;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a string is an access token Tessera issued and that it is within its lifetime, with
 * the shared verifier core ({@link AccessTokens}) over the published keys: the algorithm comes from
 * the stored key named by {@code kid}, never from the token, so {@code alg: none}, HS256 keyed with a
 * public key, or any algorithm other than the key's is refused. Revocation is checked separately
 * ({@code revocation} package). A {@code typ: JWT} token is accepted only from a client registered
 * for it ({@link AccessTokenType#JWT}), and only with our audience.
 */
@Singleton
public class AccessTokenVerifier {

    private final AccessTokens tokens;
    private final TokenProperties properties;
    private final ClientStore clients;

    public AccessTokenVerifier(KeyManager keys, TokenProperties properties, Clock clock, ClientStore clients,
                               SignatureProvider provider) {
        // No audience requirement for at+jwt: introspection and the auth server's own endpoints take any of its tokens.
        this.tokens = new AccessTokens(keys.jwkSource(), new AccessTokenPolicy(properties.issuer(), null,
                AccessTokenPolicy.ALL_ALGORITHMS, properties.clockSkew(), clock),
                Set.of(AccessTokenType.AT_JWT.joseType(), AccessTokenType.JWT.joseType()), provider);
        this.properties = properties;
        this.clients = clients;
    }

    public VerifiedAccessToken verify(String token) throws InvalidJwtException {
        SignedJWT jwt = JwtVerifier.parse(token);
        VerifiedAccessToken verified = tokens.verify(jwt);
        // RFC 9068 §4: at+jwt is what tells an access token apart; plain JWT is checked against the client.
        if (AccessTokenType.JWT.joseType().equals(jwt.getHeader().getType())) {
            checkPlainJwtAllowed(verified);
        }
        return verified;
    }

    /**
     * Without at+jwt, only the claims tell an access token from an ID token or another JWT signed with
     * our keys (RFC 9068 §4): the client must be registered for plain JWT and the audience must be ours.
     */
    private void checkPlainJwtAllowed(VerifiedAccessToken token) throws InvalidJwtException {
        boolean registered = clients.findById(token.clientId()).map(Client::accessTokenType)
                .filter(AccessTokenType.JWT::equals).isPresent();
        if (!registered) {
            throw new InvalidJwtException("typ", "typ JWT from client " + token.clientId() + ", which is registered for at+jwt");
        }
        if (token.audience() == null || !token.audience().contains(properties.audience())) {
            throw new InvalidJwtException("audience", "typ JWT without audience " + properties.audience());
        }
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
