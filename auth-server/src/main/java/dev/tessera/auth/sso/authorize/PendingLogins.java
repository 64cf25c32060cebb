package dev.tessera.auth.sso.authorize;

import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.sso.session.SsoProperties;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Authorization requests waiting for the user to log in: the original query string, kept in Redis
 * under a random id that the login form carries, so the flow resumes exactly as the client asked.
 */
@Singleton
public class PendingLogins {

    private static final String PREFIX = "tessera:login-pending:";

    private final RedisCommands<String, String> redis;
    private final SsoProperties properties;

    public PendingLogins(StatefulRedisConnection<String, String> connection, SsoProperties properties) {
        this.redis = connection.sync();
        this.properties = properties;
    }

    public String save(String authorizeQuery) {
        String id = Hashes.randomToken(16);
        redis.set(PREFIX + id, authorizeQuery, SetArgs.Builder.px(properties.loginTtl().toMillis()));
        return id;
    }

    public Optional<String> find(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{22}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.get(PREFIX + id));
    }

    public void remove(String id) {
        redis.del(PREFIX + id);
    }
}
