package dev.tessera.auth.sso.logout;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import dev.tessera.auth.keys.KeyManager;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.contract.Claims;
import dev.tessera.contract.crypto.SignatureProvider;
import dev.tessera.contract.jwt.AccessTokenPolicy;
import dev.tessera.contract.jwt.InvalidJwtException;
import dev.tessera.contract.jwt.JwtVerifier;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an {@code id_token_hint} (OIDC RP-Initiated Logout §2) with the shared verifier core: an ID
 * token we signed, from our issuer, with a {@code sid}, issued to one client ({@code aud} that client,
 * {@code azp} the same, OIDC Core §2). An access token is not an ID token, even one with the plain
 * {@code typ: JWT} some clients are registered for: RFC 9068 §2.2 access tokens carry {@code client_id},
 * ID tokens never do. The hint may have expired, since users log out long after they logged in, so its
 * lifetime is not checked.
 */
@Singleton
public class IdTokenHints {

    private final JwtVerifier verifier;

    public IdTokenHints(KeyManager keys, TokenProperties tokens, SignatureProvider provider) {
        JWTClaimsSetVerifier<SecurityContext> ours = (claims, context) -> {
            if (!tokens.issuer().equals(claims.getIssuer()) || claims.getClaim(Claims.SID) == null) {
                throw new BadJWTException("not an ID token of this issuer with a sid");
            }
            java.util.List<String> audience = claims.getAudience();
            if (audience.size() != 1 || !audience.get(0).equals(claims.getClaim(Claims.AZP))
                    || claims.getClaim(Claims.CLIENT_ID) != null) {
                throw new BadJWTException("not an ID token issued to one client");
            }
        };
        this.verifier = new JwtVerifier(keys.jwkSource(), AccessTokenPolicy.ALL_ALGORITHMS, Set.of(Claims.ID_TOKEN_TYPE),
                ours, provider);
    }

    /** The hint's claims, or empty when it is not an ID token of ours. */
    public Optional<JWTClaimsSet> verify(String hint) {
        try {
            return Optional.of(verifier.verify(hint));
        } catch (InvalidJwtException e) {
            return Optional.empty();
        }
    }
}
