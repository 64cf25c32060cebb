package dev.tessera.resource.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.tessera.contract.Claims;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An issuer the library can trust without the real auth server: it serves a JWKS and signs tokens
 * the way Tessera does, so the library's own tests need neither PostgreSQL nor the auth server.
 */
public final class StubIssuer implements AutoCloseable {

    private final HttpServer server;
    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();

    private StubIssuer(HttpServer server) {
        this.server = server;
    }

    public static StubIssuer start() throws IOException {
        StubIssuer issuer = new StubIssuer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        issuer.rotate();
        issuer.server.createContext("/oauth/jwks", exchange -> {
            issuer.jwksFetches.incrementAndGet();
            byte[] body = new JWKSet(issuer.keys.stream().map(k -> (JWK) k.toPublicJWK()).toList()).toString(true)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        issuer.server.start();
        return issuer;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new signing key; older ones stay published. */
    public RSAKey rotate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("k-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            keys.add(0, key);
            return key;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes a key out of the published JWKS, as an issuer does with a compromised key. */
    public void withdraw(RSAKey key) {
        keys.remove(key);
    }

    public RSAKey activeKey() {
        return keys.get(0);
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** Claims of a valid access token issued at {@code now}. */
    public JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(issuer()).subject(UUID.randomUUID().toString()).audience("tessera-api")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).claim(Claims.CLIENT_ID, "cli").claim(Claims.SCOPE, "openid orders:read")
                .claim(Claims.SID, UUID.randomUUID().toString());
    }

    public String sign(Instant now, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(activeKey(), Claims.ACCESS_TOKEN_TYPE.getType(), change.apply(claims(now)).build());
    }

    public static String sign(RSAKey key, String typ, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(new com.nimbusds.jose.JOSEObjectType(typ)).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
