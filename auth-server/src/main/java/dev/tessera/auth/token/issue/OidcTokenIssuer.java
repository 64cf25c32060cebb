package dev.tessera.auth.token.issue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.keys.KeyManager;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.auth.user.User;
import dev.tessera.contract.Claims;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Set;

/** ID tokens (OIDC Core §2) and back-channel logout tokens (OIDC Back-Channel Logout §2.4), signed with the active key. */
@Singleton
public class OidcTokenIssuer {

    static final String BACKCHANNEL_LOGOUT_EVENT = Claims.BACKCHANNEL_LOGOUT_EVENT;
    private static final Duration LOGOUT_TOKEN_TTL = Duration.ofMinutes(2);

    private final KeyManager keys;
    private final TokenProperties properties;
    private final Clock clock;

    public OidcTokenIssuer(KeyManager keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public String idToken(User user, String clientId, Set<String> scope, String sid, String nonce, Instant authTime) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(user.id().toString())
                .audience(clientId)
                .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
                .issueTime(Date.from(now))
                .claim(Claims.AUTH_TIME, authTime.getEpochSecond())
                .claim(Claims.AZP, clientId)
                .claim(Claims.SID, sid);
        if (nonce != null) {
            claims.claim(Claims.NONCE, nonce); // OIDC Core §3.1.3.7: the client checks it against its request
        }
        if (scope.contains("profile")) {
            claims.claim(Claims.NAME, user.displayName()).claim(Claims.PREFERRED_USERNAME, user.username());
        }
        if (scope.contains("email") && user.email() != null) {
            claims.claim(Claims.EMAIL, user.email());
        }
        return sign(claims.build(), Claims.ID_TOKEN_TYPE);
    }

    /** OIDC Back-Channel Logout §2.4: sub and sid, the logout event, no nonce. */
    public String logoutToken(String clientId, String subject, String sid) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(subject)
                .audience(clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LOGOUT_TOKEN_TTL)))
                .jwtID(Hashes.randomToken(16))
                .claim(Claims.SID, sid)
                .claim(Claims.EVENTS, Map.of(BACKCHANNEL_LOGOUT_EVENT, Map.of()))
                .build();
        return sign(claims, Claims.LOGOUT_TOKEN_TYPE);
    }

    private String sign(JWTClaimsSet claims, JOSEObjectType type) {
        KeyManager.ActiveKey key = keys.activeForIdTokens();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(key.key().algorithm().jws()).type(type)
                .keyID(key.key().kid()).build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed with key " + key.key().kid(), e);
        }
        return jwt.serialize();
    }
}
