package dev.tessera.auth.token.issue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.client.AccessTokenType;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientStore;
import dev.tessera.auth.keys.KeyManager;
import dev.tessera.auth.token.TokenProperties;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a string is an access token Tessera issued and that it is within its lifetime.
 * The algorithm comes from the stored key named by {@code kid}, never from the token: {@code alg:
 * none}, HS256 signed with a public key, or any algorithm other than the key's is refused.
 * Revocation is checked separately ({@code revocation} package). A {@code typ: JWT} token is accepted
 * only from a client registered for it ({@link AccessTokenType#JWT}), and only with our audience.
 */
@Singleton
public class AccessTokenVerifier {

    /** Far above any token we issue; stops parsing work on garbage early. */
    static final int MAX_TOKEN_LENGTH = 8192;

    private final KeyManager keys;
    private final TokenProperties properties;
    private final Clock clock;
    private final ClientStore clients;

    public AccessTokenVerifier(KeyManager keys, TokenProperties properties, Clock clock, ClientStore clients) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.clients = clients;
    }

    public VerifiedAccessToken verify(String token) throws InvalidTokenException {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || token.chars().filter(c -> c == '.').count() != 2) {
            throw new InvalidTokenException("not a compact JWS");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("unparseable JWS: " + e.getMessage());
        }
        JWSHeader header = jwt.getHeader();
        // RFC 9068 §4: resource servers MUST verify typ is at+jwt; plain JWT is checked against the client below.
        boolean plainJwt = AccessTokenType.JWT.joseType().equals(header.getType());
        if (!AccessTokenIssuer.AT_JWT.equals(header.getType()) && !plainJwt) {
            throw new InvalidTokenException("typ is not at+jwt");
        }
        if (header.getKeyID() == null) {
            throw new InvalidTokenException("no kid");
        }
        KeyManager.PublishedKey key = keys.published(header.getKeyID())
                .orElseThrow(() -> new InvalidTokenException("unknown kid"));
        // RFC 8725 §3.1: the algorithm is the key's, not whatever the header claims.
        if (!key.key().algorithm().jws().equals(header.getAlgorithm())) {
            throw new InvalidTokenException("alg " + header.getAlgorithm() + " does not match key " + key.key().kid());
        }
        try {
            if (!jwt.verify(key.verifier())) {
                throw new InvalidTokenException("bad signature");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("signature check failed: " + e.getMessage());
        }
        VerifiedAccessToken verified = checkClaims(jwt);
        if (plainJwt) {
            checkPlainJwtAllowed(verified);
        }
        return verified;
    }

    /**
     * Without at+jwt, only the claims tell an access token from an ID token or another JWT signed with
     * our keys (RFC 9068 §4): the client must be registered for plain JWT and the audience must be ours.
     */
    private void checkPlainJwtAllowed(VerifiedAccessToken token) throws InvalidTokenException {
        boolean registered = clients.findById(token.clientId()).map(Client::accessTokenType)
                .filter(AccessTokenType.JWT::equals).isPresent();
        if (!registered) {
            throw new InvalidTokenException("typ JWT from client " + token.clientId() + ", which is registered for at+jwt");
        }
        if (token.audience() == null || !token.audience().contains(properties.audience())) {
            throw new InvalidTokenException("typ JWT without audience " + properties.audience());
        }
    }

    /** The verified token, or empty for anything that is not a valid access token of ours (the reason is not needed). */
    public Optional<VerifiedAccessToken> verifyOrEmpty(String token) {
        try {
            return Optional.of(verify(token));
        } catch (InvalidTokenException e) {
            return Optional.empty();
        }
    }

    private VerifiedAccessToken checkClaims(SignedJWT jwt) throws InvalidTokenException {
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("claims are not a JSON object");
        }
        if (!properties.issuer().equals(claims.getIssuer())) {
            throw new InvalidTokenException("wrong issuer");
        }
        Instant now = clock.instant();
        Instant exp = instant(claims.getExpirationTime(), "exp");
        Instant iat = instant(claims.getIssueTime(), "iat");
        Instant nbf = claims.getNotBeforeTime() == null ? iat : claims.getNotBeforeTime().toInstant();
        if (!exp.plus(properties.clockSkew()).isAfter(now)) {
            throw new InvalidTokenException("expired");
        }
        if (nbf.minus(properties.clockSkew()).isAfter(now)) {
            throw new InvalidTokenException("not yet valid");
        }
        try {
            String jti = required(claims.getJWTID(), "jti");
            String sub = required(claims.getSubject(), "sub");
            String clientId = required(claims.getStringClaim("client_id"), "client_id");
            List<String> roles = claims.getStringListClaim("roles");
            return new VerifiedAccessToken(jti, sub, clientId, claims.getStringClaim("scope"),
                    claims.getStringClaim("sid"), claims.getStringClaim("preferred_username"),
                    roles == null ? List.of() : roles, claims.getAudience(), iat, nbf, exp, claims.toJSONObject());
        } catch (ParseException e) {
            throw new InvalidTokenException("claim of the wrong type: " + e.getMessage());
        }
    }

    private static Instant instant(Date date, String name) throws InvalidTokenException {
        if (date == null) {
            throw new InvalidTokenException("missing " + name);
        }
        return date.toInstant();
    }

    private static String required(String value, String name) throws InvalidTokenException {
        if (value == null || value.isEmpty()) {
            throw new InvalidTokenException("missing " + name);
        }
        return value;
    }
}
