package dev.tessera.webclient.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tessera.webclient.WebClientProperties;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies ID tokens (OIDC Core §3.1.3.7) and logout tokens (OIDC Back-Channel Logout §2.6) with
 * Nimbus: signature from the issuer's JWKS (cached, refreshed on unknown kid), pinned algorithms,
 * {@code typ}, {@code iss}, {@code aud} = this client, lifetime, required and prohibited claims.
 */
@Singleton
public class TokenVerifier {

    static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);
    private static final int MAX_TOKEN_LENGTH = 8192;

    private final DefaultJWTProcessor<SecurityContext> idTokens;
    private final DefaultJWTProcessor<SecurityContext> logoutTokens;

    public TokenVerifier(WebClientProperties properties) throws MalformedURLException {
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(URI.create(properties.issuer() + "/oauth/jwks").toURL()).retrying(true).build();
        JWTClaimsSet issuer = new JWTClaimsSet.Builder().issuer(properties.issuer()).build();
        // Mutable sets on purpose: Nimbus asks them contains(null), which Set.of(...) answers with an exception.
        this.idTokens = processor(keys, JOSEObjectType.JWT, new DefaultJWTClaimsVerifier<>(properties.clientId(), issuer,
                new HashSet<>(List.of("sub", "iat", "exp", "sid", "nonce"))));
        this.logoutTokens = processor(keys, new JOSEObjectType("logout+jwt"), new DefaultJWTClaimsVerifier<>(
                new HashSet<>(List.of(properties.clientId())), issuer,
                new HashSet<>(List.of("iat", "exp", "jti", "events", "sid", "sub")), new HashSet<>(List.of("nonce"))));
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys, JOSEObjectType type,
                                                                  DefaultJWTClaimsVerifier<SecurityContext> claims) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(type));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    /** The ID token's claims if it is valid and carries the nonce this login sent. */
    public JWTClaimsSet idToken(String token, String expectedNonce) throws InvalidToken {
        JWTClaimsSet claims = process(idTokens, token);
        if (!expectedNonce.equals(claims.getClaim("nonce"))) {
            throw new InvalidToken("nonce does not match");
        }
        return claims;
    }

    /** The logout token's claims, if it is one (with the back-channel logout event). */
    public JWTClaimsSet logoutToken(String token) throws InvalidToken {
        JWTClaimsSet claims = process(logoutTokens, token);
        Object events = claims.getClaim("events");
        if (!(events instanceof Map<?, ?> map) || !map.containsKey(LOGOUT_EVENT)) {
            throw new InvalidToken("not a back-channel logout event");
        }
        return claims;
    }

    private static JWTClaimsSet process(DefaultJWTProcessor<SecurityContext> processor, String token) throws InvalidToken {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidToken("missing or oversized token");
        }
        try {
            return processor.process(token, null);
        } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw new InvalidToken(e.getMessage());
        }
    }

    /** A token that failed verification; the message is for the log. */
    public static final class InvalidToken extends Exception {
        public InvalidToken(String message) {
            super(message, null, false, false);
        }
    }
}
