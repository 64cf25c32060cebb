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

    /**
     * The scope of the admin API. Only clients registered for it may ask for it (the console, and
     * {@code cli} when it asks explicitly: it is nobody's default), and only users with the
     * {@code admin} role receive it.
     */
    public static final String ADMIN = "admin";
    /** The user role the admin scope is granted to. */
    public static final String ADMIN_ROLE = "admin";

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

    /**
     * What a user (or, with no roles, a client acting for itself) is granted of a resolved scope:
     * {@value #ADMIN} only with the {@value #ADMIN_ROLE} role. RFC 6749 §3.3 lets the server grant less
     * than asked, and the token response names the scope granted; nothing left is an error.
     */
    public static Set<String> grantable(Set<String> scope, Set<String> roles) {
        if (!scope.contains(ADMIN) || roles.contains(ADMIN_ROLE)) {
            return scope;
        }
        Set<String> narrowed = new TreeSet<>(scope);
        narrowed.remove(ADMIN);
        if (narrowed.isEmpty()) {
            throw OAuthException.of(OAuthError.INVALID_SCOPE, "the admin scope is only granted to administrators");
        }
        return narrowed;
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
