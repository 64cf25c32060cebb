package dev.tessera.auth.support;

import dev.tessera.auth.client.AccessTokenType;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientStore;
import dev.tessera.auth.crypto.Argon2Hasher;
import dev.tessera.auth.user.User;
import dev.tessera.auth.user.UserStore;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Fresh users and clients for tests that must not share state with the demo accounts. */
@Singleton
public class TestAccounts {

    public static final String PASSWORD = "test-password-1";
    public static final String SECRET = "test-secret-1";

    private final UserStore users;
    private final ClientStore clients;
    private final Argon2Hasher hasher;
    private String passwordHash;
    private String secretHash;

    public TestAccounts(UserStore users, ClientStore clients, Argon2Hasher hasher) {
        this.users = users;
        this.clients = clients;
        this.hasher = hasher;
    }

    /** A new user with password {@link #PASSWORD}. */
    public User user(String... roles) {
        if (passwordHash == null) {
            passwordHash = hasher.hash(PASSWORD);
        }
        UUID id = UUID.randomUUID();
        User user = new User(id, "user-" + id, passwordHash, "Test User", "u-" + id + "@example.test", Set.of(roles), false);
        users.save(user);
        return user;
    }

    /** A new confidential SSO client (authorization code + refresh) at {@code base}, with back-channel logout. */
    public Client ssoClient(String base, String backchannelUri) {
        if (secretHash == null) {
            secretHash = hasher.hash(SECRET);
        }
        String id = "sso-" + UUID.randomUUID();
        Client client = new Client(id, "SSO test app", secretHash, true, Set.of("authorization_code", "refresh_token"),
                Set.of("openid", "profile", "email"), Set.of("openid", "profile"), List.of(base + "/callback"), null,
                List.of(base + "/"), backchannelUri);
        clients.save(client);
        return client;
    }

    /** A new first-party client (password + refresh) with secret {@link #SECRET} and this session policy. */
    public Client client(String sessionPolicy) {
        if (secretHash == null) {
            secretHash = hasher.hash(SECRET);
        }
        String id = "test-" + UUID.randomUUID();
        Client client = new Client(id, "Test client", secretHash, true, Set.of("password", "refresh_token"),
                Set.of("openid", "profile"), Set.of("openid", "profile"), List.of(), sessionPolicy, List.of(), null);
        clients.save(client);
        return client;
    }

    /** A new first-party client (password, refresh, client credentials) whose access tokens carry {@code typ: JWT}. */
    public Client plainJwtClient() {
        if (secretHash == null) {
            secretHash = hasher.hash(SECRET);
        }
        String id = "plain-jwt-" + UUID.randomUUID();
        Client client = new Client(id, "Plain JWT client", secretHash, true,
                Set.of("password", "refresh_token", "client_credentials"), Set.of("openid", "profile"),
                Set.of("openid", "profile"), List.of(), null, List.of(), null, AccessTokenType.JWT);
        clients.save(client);
        return client;
    }
}
