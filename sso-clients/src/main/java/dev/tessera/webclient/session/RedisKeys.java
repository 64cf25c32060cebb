package dev.tessera.webclient.session;

/**
 * The web client's Redis keys, all under {@code tessera:web:<client>:}: the key pattern its own Redis user
 * may touch (redis/users.acl, {@code tessera-web-<client>}), so a web client's credential opens nothing of
 * the auth server's (codes, SSO sessions, revocations) or of another client's.
 */
public final class RedisKeys {

    private RedisKeys() {
    }

    /** Everything of {@code clientId}; a key pattern of its ACL user is this plus {@code *}. */
    public static String prefix(String clientId) {
        return "tessera:web:" + clientId + ":";
    }

    /** The session hash. */
    public static String session(String clientId, String id) {
        return prefix(clientId) + "session:" + id;
    }

    /** The ids of the sessions an SSO session ({@code sid}) opened here: what back-channel logout ends. */
    public static String sessionsOfSid(String clientId, String sid) {
        return prefix(clientId) + "sid:" + sid;
    }

    /** A value used once (a logout token's jti, a refresh lock). */
    public static String once(String clientId, String key) {
        return prefix(clientId) + "once:" + key;
    }
}
