package dev.tessera.auth.webapp;

import dev.tessera.auth.crypto.Hashes;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's and account page's state in Redis, keyed by the SHA-256 of the random id their cookie
 * carries (a key name never reveals a usable id). A session holds only the app's access token, which
 * is verified (signature, expiry, revocation) on every request: what Redis says is never trusted by
 * itself. A sign-in in progress holds its state, PKCE verifier, redirect URI and where to return.
 */
@Singleton
public class WebAppSessions {

    private static final String SESSION = "tessera:webapp:session:";
    private static final String SIGN_IN = "tessera:webapp:signin:";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final RedisCommands<String, String> redis;

    public WebAppSessions(StatefulRedisConnection<String, String> connection) {
        this.redis = connection.sync();
    }

    /** Stores the access token for as long as it lives; returns the new session's id for the cookie. */
    public String create(WebApp app, String accessToken, Duration ttl) {
        String id = Hashes.randomToken(32);
        redis.set(key(SESSION, app, id), accessToken, SetArgs.Builder.px(Math.max(1, ttl.toMillis())));
        return id;
    }

    public Optional<String> accessToken(WebApp app, String id) {
        return valid(id) ? Optional.ofNullable(redis.get(key(SESSION, app, id))) : Optional.empty();
    }

    public void delete(WebApp app, String id) {
        if (valid(id)) {
            redis.del(key(SESSION, app, id));
        }
    }

    /** Remembers a sign-in in progress; returns its id for the sign-in cookie. */
    public String startSignIn(WebApp app, PendingSignIn pending, Duration ttl) {
        String id = Hashes.randomToken(32);
        redis.set(key(SIGN_IN, app, id), pending.encode(), SetArgs.Builder.px(ttl.toMillis()));
        return id;
    }

    /** The sign-in in progress with this id, removed: each is used once. */
    public Optional<PendingSignIn> takeSignIn(WebApp app, String id) {
        return valid(id) ? Optional.ofNullable(redis.getdel(key(SIGN_IN, app, id))).flatMap(PendingSignIn::decode)
                : Optional.empty();
    }

    private static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static String key(String prefix, WebApp app, String id) {
        return prefix + app.clientId() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(id));
    }

    /** A sign-in in progress: what the callback checks and needs. */
    public record PendingSignIn(String state, String codeVerifier, String redirectUri, String returnTo) {

        String encode() {
            return String.join("\n", state, codeVerifier, redirectUri, returnTo);
        }

        static Optional<PendingSignIn> decode(String value) {
            String[] parts = value.split("\n", -1);
            return parts.length == 4 ? Optional.of(new PendingSignIn(parts[0], parts[1], parts[2], parts[3]))
                    : Optional.empty();
        }
    }
}
