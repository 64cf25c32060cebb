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
 * token we signed, from our issuer, with a {@code sid}. It may have expired, since users log out long
 * after they logged in, so its lifetime is not checked.
 */
@Singleton
public class IdTokenHints {

    private final JwtVerifier verifier;

    public IdTokenHints(KeyManager keys, TokenProperties tokens, SignatureProvider provider) {
        JWTClaimsSetVerifier<SecurityContext> ours = (claims, context) -> {
            if (!tokens.issuer().equals(claims.getIssuer()) || claims.getClaim(Claims.SID) == null) {
                throw new BadJWTException("not an ID token of this issuer with a sid");
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
