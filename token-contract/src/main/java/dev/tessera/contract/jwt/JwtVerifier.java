package dev.tessera.contract.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import dev.tessera.contract.crypto.SignatureProvider;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * The one JWT verifier core, a Nimbus {@link DefaultJWTProcessor} put together the same way for
 * every token Tessera checks: a {@code typ} verifier, a {@link PinnedKeySelector} over the issuer's
 * JWK source (algorithm pinned, taken from the key), and the caller's claims verifier (for access
 * tokens {@link AccessTokens}). Failures come out as {@link InvalidJwtException} with a reason tag.
 */
public final class JwtVerifier {

    /** Far above any token Tessera issues; longer input is refused before any parsing. */
    public static final int MAX_TOKEN_LENGTH = 8192;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public JwtVerifier(JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms, Set<JOSEObjectType> types,
                       JWTClaimsSetVerifier<SecurityContext> claims, SignatureProvider provider) {
        // A mutable set on purpose: Nimbus asks it contains(null) for a token without typ, which Set.of(...) throws on.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new HashSet<>(types)));
        processor.setJWSKeySelector(new PinnedKeySelector(algorithms, keys, provider));
        processor.setJWSVerifierFactory(PinnedKeySelector.verifiers());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** A compact JWS, parsed but not verified; refuses oversized input unparsed. */
    public static SignedJWT parse(String token) throws InvalidJwtException {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidJwtException("too_long", "missing or oversized token");
        }
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidJwtException("malformed", "unparseable JWS: " + e.getMessage());
        }
    }

    public JWTClaimsSet verify(String token) throws InvalidJwtException {
        return verify(parse(token));
    }

    /** The claims of a token whose type, signature and claims all passed. */
    public JWTClaimsSet verify(SignedJWT jwt) throws InvalidJwtException {
        try {
            return processor.process(jwt, null);
        } catch (RejectedClaims e) {
            throw new InvalidJwtException(e.reason(), e.getMessage());
        } catch (BadJWTException e) {
            throw new InvalidJwtException("claims", e.getMessage());
        } catch (BadJWSException e) {
            throw new InvalidJwtException("signature", e.getMessage());
        } catch (BadJOSEException e) {
            String message = String.valueOf(e.getMessage());
            throw new InvalidJwtException(message.contains("typ") ? "typ" : "key", message);
        } catch (JOSEException e) {
            throw new InvalidJwtException("signature", e.getMessage());
        } catch (RuntimeException e) {
            // Whatever a hostile token trips inside the library, it is an invalid token, never a server error.
            throw new InvalidJwtException("malformed", e.toString());
        }
    }

    /** A claims check that failed, with the tag to report it under. */
    public static final class RejectedClaims extends BadJWTException {
        private final String reason;

        public RejectedClaims(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
