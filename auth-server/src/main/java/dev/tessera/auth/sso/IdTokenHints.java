package dev.tessera.auth.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.keys.KeyManager;
import dev.tessera.auth.token.TokenProperties;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.Optional;

/**
 * Reads an {@code id_token_hint} (OIDC RP-Initiated Logout §2): a token we signed, from our issuer;
 * it may have expired, since users log out long after they logged in.
 */
@Singleton
public class IdTokenHints {

    private final KeyManager keys;
    private final TokenProperties tokens;

    public IdTokenHints(KeyManager keys, TokenProperties tokens) {
        this.keys = keys;
        this.tokens = tokens;
    }

    /** The hint's claims, or empty when it is not an ID token of ours. */
    public Optional<JWTClaimsSet> verify(String hint) {
        if (hint == null || hint.length() > 8192) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(hint);
            Optional<KeyManager.PublishedKey> key = Optional.ofNullable(jwt.getHeader().getKeyID()).flatMap(keys::published);
            if (key.isEmpty() || !key.get().key().algorithm().jws().equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(key.get().verifier())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return tokens.issuer().equals(claims.getIssuer()) && claims.getStringClaim("sid") != null
                    ? Optional.of(claims) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
