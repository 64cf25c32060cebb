package dev.tessera.auth.sso.authorize;

import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.sso.session.SsoProperties;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Authorization codes in Redis, stored by SHA-256 of the code, single use (GETDEL) and short-lived
 * (RFC 6749 §4.1.2). After redemption a marker remembers what the code produced, so a replayed code
 * can have those tokens revoked (RFC 6749 §4.1.2: SHOULD revoke).
 */
@Singleton
public class AuthorizationCodes {

    private static final String CODE = "tessera:code:";
    private static final String USED = "tessera:code-used:";

    private final RedisCommands<String, String> redis;
    private final JsonMapper json;
    private final SsoProperties properties;

    public AuthorizationCodes(StatefulRedisConnection<String, String> connection, JsonMapper json, SsoProperties properties) {
        this.redis = connection.sync();
        this.json = json;
        this.properties = properties;
    }

    /** What a code stands for. */
    @Serdeable
    public record Grant(String clientId, String redirectUri, boolean redirectUriExplicit, List<String> scope,
                        String userId, String deviceId, String nonce, String codeChallenge, long authTimeEpochSecond) {
    }

    /** What redeeming a code produced: revoked if the code comes back. */
    @Serdeable
    public record Issued(String familyId, String accessTokenJti, long accessTokenExpiresEpochMilli) {
    }

    public String issue(Grant grant) {
        String code = Hashes.randomToken(32);
        redis.set(CODE + key(code), write(grant), SetArgs.Builder.px(properties.codeTtl().toMillis()));
        return code;
    }

    /** The grant, exactly once. */
    public Optional<Grant> redeem(String code) {
        String value = redis.getdel(CODE + key(code));
        return value == null ? Optional.empty() : Optional.of(read(value, Grant.class));
    }

    public void rememberIssued(String code, Issued issued) {
        // Kept as long as the tokens can matter: the refresh family is revoked by id, the access token by jti.
        redis.set(USED + key(code), write(issued), SetArgs.Builder.px(properties.absoluteTimeout().toMillis()));
    }

    /** For a code that was already redeemed: what it produced (and forget it, so it is revoked once). */
    public Optional<Issued> takeIssued(String code) {
        String value = redis.getdel(USED + key(code));
        return value == null ? Optional.empty() : Optional.of(read(value, Issued.class));
    }

    private static String key(String code) {
        return HexFormat.of().formatHex(Hashes.sha256(code));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
