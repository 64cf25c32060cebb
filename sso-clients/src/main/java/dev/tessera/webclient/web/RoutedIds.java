package dev.tessera.webclient.web;

import dev.tessera.webclient.WebClientProperties;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable ids, prefixed with this replica's route when it has one ({@code sticky-2.<random>}),
 * the way Tomcat appends its {@code jvmRoute}: nginx reads the prefix of the session cookie and of the
 * login {@code state} and sends the request to the replica that holds the session, or where the login started.
 */
@Singleton
public class RoutedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;

    public RoutedIds(WebClientProperties properties) {
        this.prefix = properties.route() == null ? "" : properties.route() + ".";
    }

    /** {@code bytes} random bytes, base64url, after the route. */
    public String next(int bytes) {
        return prefix + random(bytes);
    }

    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
