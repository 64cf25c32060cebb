package dev.tessera.webclient.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.tessera.contract.Claims;
import dev.tessera.contract.crypto.SignatureProvider;
import dev.tessera.contract.jwt.AccessTokenPolicy;
import dev.tessera.contract.jwt.InvalidJwtException;
import dev.tessera.contract.jwt.JwtVerifier;
import dev.tessera.webclient.WebClientProperties;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies ID tokens (OIDC Core §3.1.3.7) and logout tokens (OIDC Back-Channel Logout §2.6) with
 * the shared verifier core ({@link JwtVerifier}): signature from the issuer's JWKS (Nimbus's cached
 * source, refreshed on unknown kid), algorithm pinned to the key, {@code typ}, then Nimbus's
 * claims verifier for {@code iss}, {@code aud} = this client, lifetime, required and prohibited claims.
 */
@Singleton
public class TokenVerifier {

    private final JwtVerifier idTokens;
    private final JwtVerifier logoutTokens;

    public TokenVerifier(WebClientProperties properties) throws MalformedURLException {
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(URI.create(properties.issuer() + "/oauth/jwks").toURL()).retrying(true).build();
        JWTClaimsSet issuer = new JWTClaimsSet.Builder().issuer(properties.issuer()).build();
        // Mutable sets on purpose: Nimbus asks them contains(null), which Set.of(...) answers with an exception.
        // The JDK's providers: a web client checks one ID token per sign-in and one logout token per sign-out.
        this.idTokens = new JwtVerifier(keys, AccessTokenPolicy.ALL_ALGORITHMS, Set.of(Claims.ID_TOKEN_TYPE),
                new DefaultJWTClaimsVerifier<>(properties.clientId(), issuer,
                        new HashSet<>(List.of("sub", "iat", "exp", Claims.SID, Claims.NONCE))), SignatureProvider.jdk());
        this.logoutTokens = new JwtVerifier(keys, AccessTokenPolicy.ALL_ALGORITHMS, Set.of(Claims.LOGOUT_TOKEN_TYPE),
                new DefaultJWTClaimsVerifier<>(new HashSet<>(List.of(properties.clientId())), issuer,
                        new HashSet<>(List.of("iat", "exp", "jti", Claims.EVENTS, Claims.SID, "sub")),
                        new HashSet<>(List.of(Claims.NONCE))), SignatureProvider.jdk());
    }

    /** The ID token's claims if it is valid and carries the nonce this login sent. */
    public JWTClaimsSet idToken(String token, String expectedNonce) throws InvalidToken {
        JWTClaimsSet claims = process(idTokens, token);
        if (!expectedNonce.equals(claims.getClaim(Claims.NONCE))) {
            throw new InvalidToken("nonce does not match");
        }
        return claims;
    }

    /** The logout token's claims, if it is one (with the back-channel logout event). */
    public JWTClaimsSet logoutToken(String token) throws InvalidToken {
        JWTClaimsSet claims = process(logoutTokens, token);
        Object events = claims.getClaim(Claims.EVENTS);
        if (!(events instanceof Map<?, ?> map) || !map.containsKey(Claims.BACKCHANNEL_LOGOUT_EVENT)) {
            throw new InvalidToken("not a back-channel logout event");
        }
        return claims;
    }

    private static JWTClaimsSet process(JwtVerifier verifier, String token) throws InvalidToken {
        try {
            return verifier.verify(token);
        } catch (InvalidJwtException e) {
            throw new InvalidToken(e.reason() + ": " + e.getMessage());
        }
    }

    /** A token that failed verification; the message is for the log. */
    public static final class InvalidToken extends Exception {
        public InvalidToken(String message) {
            super(message, null, false, false);
        }
    }
}
