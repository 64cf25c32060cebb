package dev.tessera.auth.user;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import dev.tessera.auth.crypto.Argon2Hasher;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Checks a username and password, the same way for the password grant and the SSO login form:
 * throttled per account and IP, argon2id with equal cost for unknown accounts, audited either way.
 */
@Singleton
public class PasswordLogin {

    public static final String BAD_CREDENTIALS = "invalid username or password";

    private final UserStore users;
    private final Argon2Hasher hasher;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public PasswordLogin(UserStore users, Argon2Hasher hasher, LoginThrottle throttle, AuditLog audit) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** The account, or an OAuthException: {@code invalid_grant}, or 429 when throttled. */
    public User authenticate(String username, String password, String clientId, String ip, String via) {
        // The name as the user store compares names (PostgreSQL's lower(), which differs from Java's on U+0130):
        // every spelling that reaches the account shares its counters, and unknown names are counted alike.
        String account = users.loginKey(username);
        // Reserved before the password is checked: parallel guesses cannot all pass before the first failure counts.
        LoginThrottle.Attempt attempt = throttle.reserve(account, ip);
        Optional<User> found = users.findByUsername(username);
        boolean valid;
        if (found.isPresent()) {
            valid = hasher.verify(password, found.get().passwordHash()) && !found.get().disabled();
        } else {
            hasher.verifyNothing(password); // same cost, so timing does not reveal which usernames exist
            valid = false;
        }
        if (!valid) {
            throttle.failed(attempt);
            audit.record(new AuditEvent(AuditEvent.LOGIN_FAILED, "client:" + clientId, found.map(User::id).orElse(null),
                    clientId, null, ip, "via=" + via));
            throw OAuthException.of(OAuthError.INVALID_GRANT, BAD_CREDENTIALS,
                    "password login failed for " + (found.isPresent() ? "known" : "unknown") + " user");
        }
        throttle.succeeded(attempt);
        return found.get();
    }
}
