package dev.tessera.auth.security;

import dev.tessera.auth.scope.Scopes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The authority the admin API and the console require: the {@code admin} role AND the {@code admin}
 * scope (DESIGN.md §3). A user's roles travel in every token of that user, whatever app it was issued
 * to, so the role alone would let any app an administrator signs into act as the administrator; the
 * scope says the token was issued for administration, to a client allowed to ask for it.
 */
public final class AdminAuthority {

    /** What {@code @Secured} names on the admin endpoints. Not a role: granted by {@link #authorities}. */
    public static final String NAME = "tessera:admin";

    private AdminAuthority() {
    }

    /** Whether a token with these roles and this scope may administer. */
    public static boolean granted(Collection<String> roles, Set<String> scope) {
        return roles.contains(Scopes.ADMIN_ROLE) && scope.contains(Scopes.ADMIN);
    }

    /** The roles of a token, plus {@link #NAME} when {@link #granted} says so. */
    public static List<String> authorities(Collection<String> roles, Set<String> scope) {
        List<String> authorities = new ArrayList<>(roles);
        if (granted(roles, scope)) {
            authorities.add(NAME);
        }
        return authorities;
    }
}
