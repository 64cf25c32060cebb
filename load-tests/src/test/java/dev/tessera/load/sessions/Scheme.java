package dev.tessera.load.sessions;

/**
 * The three session schemes behind nginx (DESIGN §5): where a virtual user signs in, where it reads
 * its profile, and what carries its state between requests.
 */
public enum Scheme {
    /** sso-clients with memory sessions; nginx routes on the route in the session cookie. */
    STICKY("sticky", "sticky.url", "http://127.0.0.1:8080", "/profile"),
    /** sso-clients with Redis sessions; nginx round robin. */
    REDIS("redis", "redis.url", "http://127.0.0.1:8090", "/profile"),
    /** The orders API with bearer JWTs from the auth server's token endpoint; nginx round robin. */
    JWT("jwt", "jwt.url", "http://127.0.0.1:8100", "/api/profile");

    /** The sticky replicas' session cookie (the launcher's STICKY_COOKIE). */
    static final String STICKY_COOKIE = System.getProperty("sticky.cookie", "mail_sticky_session");
    /** The redis replicas' session cookie ({@code <client>_session}). */
    static final String REDIS_COOKIE = System.getProperty("redis.cookie", "mail_session");

    final String label;
    final String baseUrl;
    final String profilePath;

    Scheme(String label, String property, String defaultUrl, String profilePath) {
        this.label = label;
        this.baseUrl = System.getProperty(property, defaultUrl);
        this.profilePath = profilePath;
    }

    /** The cookie holding the session, or null for the jwt scheme (a bearer token instead). */
    String cookie() {
        return switch (this) {
            case STICKY -> STICKY_COOKIE;
            case REDIS -> REDIS_COOKIE;
            case JWT -> null;
        };
    }

    static Scheme named(String label) {
        for (Scheme scheme : values()) {
            if (scheme.label.equals(label)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("unknown scheme '" + label + "' (sticky, redis or jwt)");
    }
}
