package dev.tessera.auth.webapp;

import dev.tessera.auth.security.AdminAuthority;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who uses the console or the account page, from the app's verified access token.
 *
 * @param deviceId the browser's device (the token's {@code sid}): "this device" on the account page
 * @param csrf     the token the page's forms carry (the login page's double-submit cookie mechanism)
 */
public record SignedIn(UUID userId, String username, UUID deviceId, List<String> roles, Set<String> scope,
                       String csrf) {

    /** The admin role and the admin scope (issue 11 #2), as the admin API requires. */
    public boolean administrator() {
        return AdminAuthority.granted(roles, scope);
    }

    /** How the audit log names this user as the actor. */
    public String actor() {
        return "user:" + userId;
    }
}
