package dev.tessera.contract.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.contract.Claims;
import dev.tessera.contract.crypto.SignatureProvider;
import java.util.Set;

/**
 * Access token verification (RFC 9068 §4) on the shared core: {@code typ at+jwt}, pinned algorithm,
 * signature from the JWK source, then {@link AccessTokenClaimsVerifier}. The auth server, the
 * resource-server library and anyone else accepting Tessera access tokens build theirs here.
 */
public final class AccessTokens {

    private final JwtVerifier verifier;

    /** RFC 9068 §4: access tokens of type {@code at+jwt} only. */
    public AccessTokens(JWKSource<SecurityContext> keys, AccessTokenPolicy policy, SignatureProvider provider) {
        this(keys, policy, Set.of(Claims.ACCESS_TOKEN_TYPE), provider);
    }

    /**
     * Access tokens of these {@code typ} values: for a verifier that must also take the plain {@code JWT}
     * some clients are registered for; it then checks such tokens further itself (the type is in the header
     * of the parsed token it passes to {@link #verify(SignedJWT)}).
     */
    public AccessTokens(JWKSource<SecurityContext> keys, AccessTokenPolicy policy, Set<JOSEObjectType> types,
                        SignatureProvider provider) {
        this.verifier = new JwtVerifier(keys, policy.algorithms(), types, new AccessTokenClaimsVerifier(policy), provider);
    }

    public VerifiedAccessToken verify(String token) throws InvalidJwtException {
        return verify(JwtVerifier.parse(token));
    }

    public VerifiedAccessToken verify(SignedJWT parsed) throws InvalidJwtException {
        return VerifiedAccessToken.of(verifier.verify(parsed));
    }
}
