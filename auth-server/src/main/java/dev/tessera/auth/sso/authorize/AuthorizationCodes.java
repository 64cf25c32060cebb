package dev.tessera.auth.sso.authorize;

import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.keys.SealedValues;
import dev.tessera.auth.sso.session.SsoProperties;
import io.lettuce.core.RedisCommandExecutionException;
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
 * can have those tokens revoked (RFC 6749 §4.1.2: SHOULD revoke). Values are sealed with a key only the
 * auth server holds ({@link SealedValues}): a code written into Redis by anyone else redeems nothing.
 */
@Singleton
public class AuthorizationCodes {

    private static final String CODE = "tessera:code:";
    private static final String USED = "tessera:code-used:";

    private final RedisCommands<String, String> redis;
    private final SealedValues sealed;
    private final JsonMapper json;
    private final SsoProperties properties;

    public AuthorizationCodes(StatefulRedisConnection<String, String> connection, SealedValues sealed, JsonMapper json,
                              SsoProperties properties) {
        this.redis = connection.sync();
        this.sealed = sealed;
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
        String key = CODE + key(code);
        redis.set(key, sealed.seal(key, write(grant)), SetArgs.Builder.px(properties.codeTtl().toMillis()));
        return code;
    }

    /** The grant, exactly once; empty for an unknown, used or expired code, or one this server did not write. */
    public Optional<Grant> redeem(String code) {
        String key = CODE + key(code);
        return sealed.open(key, take(key)).map(value -> read(value, Grant.class));
    }

    public void rememberIssued(String code, Issued issued) {
        // Kept as long as the tokens can matter: the refresh family is revoked by id, the access token by jti.
        String key = USED + key(code);
        redis.set(key, sealed.seal(key, write(issued)), SetArgs.Builder.px(properties.absoluteTimeout().toMillis()));
    }

    /** For a code that was already redeemed: what it produced (and forget it, so it is revoked once). */
    public Optional<Issued> takeIssued(String code) {
        String key = USED + key(code);
        return sealed.open(key, take(key)).map(value -> read(value, Issued.class));
    }

    /** GETDEL; null when absent or when something other than a string was put there (not ours either way). */
    private String take(String key) {
        try {
            return redis.getdel(key);
        } catch (RedisCommandExecutionException e) {
            redis.del(key);
            return null;
        }
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
