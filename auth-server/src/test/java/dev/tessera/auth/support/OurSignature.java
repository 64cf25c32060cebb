package dev.tessera.auth.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tessera.auth.keys.KeyManager;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * Tokens signed with the auth server's own active key but claims of the test's choosing: what only a
 * bug in the server (or a stolen key) could produce, to prove that claims are checked, not just signatures.
 */
public final class OurSignature {

    private OurSignature() {
    }

    /** A valid-looking access token for cli and tessera-api, changed by {@code change}, with this {@code typ}. */
    public static String sign(KeyManager keys, UnaryOperator<JWTClaimsSet.Builder> change, String typ) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("http://tessera.test").subject("someone")
                .audience("tessera-api").issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID("jti-" + now.toEpochMilli() + Math.random())
                .claim("client_id", "cli").claim("scope", "openid");
        KeyManager.ActiveKey key = keys.active();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(key.key().algorithm().jws()).type(new JOSEObjectType(typ))
                .keyID(key.key().kid()).build(), change.apply(claims).build());
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
