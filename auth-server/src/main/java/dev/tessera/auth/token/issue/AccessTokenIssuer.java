package dev.tessera.auth.token.issue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.client.AccessTokenType;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.keys.KeyManager;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.contract.Claims;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

/** Signs RFC 9068 access tokens with the active key. */
@Singleton
public class AccessTokenIssuer {

    /** RFC 9068 §2.1: access tokens MUST carry typ "at+jwt" (unless the client is registered for plain JWT). */
    public static final JOSEObjectType AT_JWT = AccessTokenType.AT_JWT.joseType();

    private final KeyManager keys;
    private final TokenProperties properties;
    private final Clock clock;

    public AccessTokenIssuer(KeyManager keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public IssuedAccessToken issue(AccessTokenRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(properties.accessTokenTtl());
        String jti = Hashes.randomToken(16);
        // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti are REQUIRED.
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(request.subject())
                .audience(properties.audience())
                .expirationTime(Date.from(expires))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .jwtID(jti)
                .claim(Claims.CLIENT_ID, request.clientId())
                .claim(Claims.SCOPE, String.join(" ", request.scope()));
        if (request.deviceId() != null) {
            claims.claim(Claims.SID, request.deviceId().toString());
        }
        if (request.username() != null) {
            claims.claim(Claims.PREFERRED_USERNAME, request.username());
        }
        if (!request.roles().isEmpty()) {
            claims.claim(Claims.ROLES, List.copyOf(request.roles()));
        }
        KeyManager.ActiveKey key = keys.active();
        JWSHeader header = new JWSHeader.Builder(key.key().algorithm().jws()).type(request.type().joseType())
                .keyID(key.key().kid()).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed with key " + key.key().kid(), e);
        }
        return new IssuedAccessToken(jwt.serialize(), jti, now, expires);
    }
}
