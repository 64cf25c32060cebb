package dev.tessera.auth.sso.authorize;

import dev.tessera.auth.keys.SealedValues;
import dev.tessera.auth.sso.session.SsoProperties;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * Authorization requests waiting for the user to log in. The original query string travels with the
 * login page itself, sealed with its expiry ({@link SealedValues}): the server keeps nothing per
 * unauthenticated request, so a flood of {@code /oauth/authorize} calls costs it no memory, and the
 * request cannot be altered on the way (a changed one does not open).
 */
@Singleton
public class PendingLogins {

    /** What the seal is bound to: a sealed value made for anything else does not open here. */
    private static final String PURPOSE = "tessera:login-pending";

    private final SealedValues sealed;
    private final SsoProperties properties;
    private final Clock clock;

    public PendingLogins(SealedValues sealed, SsoProperties properties, Clock clock) {
        this.sealed = sealed;
        this.properties = properties;
        this.clock = clock;
    }

    /** The id the login page carries: the query and its expiry, sealed. */
    public String save(String authorizeQuery) {
        long expires = clock.millis() + properties.loginTtl().toMillis();
        return sealed.seal(PURPOSE, expires + "\n" + (authorizeQuery == null ? "" : authorizeQuery));
    }

    /** The query of a pending login; empty when the id is absent, altered or expired. */
    public Optional<String> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 8192) {
            return Optional.empty();
        }
        return sealed.open(PURPOSE, id).flatMap(value -> {
            int newline = value.indexOf('\n');
            return Long.parseLong(value.substring(0, newline)) > clock.millis()
                    ? Optional.of(value.substring(newline + 1)) : Optional.empty();
        });
    }
}
