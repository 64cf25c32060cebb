package dev.tessera.auth.scope;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Scope parsing and checking (RFC 6749 §3.3). */
public final class Scopes {

    /** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private Scopes() {
    }

    /** The requested scope if the client may have all of it, else the client's defaults when none was asked. */
    public static Set<String> resolve(Optional<String> requested, Client client) {
        if (requested.isEmpty()) {
            // RFC 6749 §3.3: without a scope parameter, use a pre-defined default or fail.
            if (client.defaultScopes().isEmpty()) {
                throw OAuthException.of(OAuthError.INVALID_SCOPE, "no scope requested and the client has no default");
            }
            return new TreeSet<>(client.defaultScopes());
        }
        Set<String> scope = parse(requested.get());
        if (!client.scopes().containsAll(scope)) {
            throw OAuthException.of(OAuthError.INVALID_SCOPE, "scope exceeds what the client may request");
        }
        return scope;
    }

    /** A narrower scope on refresh (RFC 6749 §6): must be within what the family was granted. */
    public static Set<String> narrow(Optional<String> requested, String granted) {
        Set<String> grantedSet = parse(granted);
        if (requested.isEmpty()) {
            return grantedSet;
        }
        Set<String> scope = parse(requested.get());
        if (!grantedSet.containsAll(scope)) {
            throw OAuthException.of(OAuthError.INVALID_SCOPE, "scope exceeds what was originally granted");
        }
        return scope;
    }

    public static Set<String> parse(String value) {
        Set<String> scope = new TreeSet<>();
        for (String token : value.split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!SCOPE_TOKEN.matcher(token).matches()) {
                throw OAuthException.of(OAuthError.INVALID_SCOPE, "malformed scope");
            }
            scope.add(token);
        }
        if (scope.isEmpty()) {
            throw OAuthException.of(OAuthError.INVALID_SCOPE, "empty scope");
        }
        return scope;
    }

    public static String format(Set<String> scope) {
        return String.join(" ", new TreeSet<>(scope));
    }

    static Set<String> of(String... values) {
        return new TreeSet<>(Arrays.asList(values));
    }
}
