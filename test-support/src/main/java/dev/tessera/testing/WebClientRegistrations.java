package dev.tessera.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Registers a confidential web client straight in the test database, for replicas on test ports. */
public final class WebClientRegistrations {

    /** The secret of every client registered here. */
    public static final String SECRET = "web-test-secret";
    /** argon2id (19 MiB, t=2, p=1) of SECRET: a fixture, computed once. */
    private static final String SECRET_HASH = "$argon2id$v=19$m=19456,t=2,p=1$rMhkgYCMfBeDgPuotokuyg$y09BsPCRpHidqZOshrkOu3Jk26PYwjjUz/F4RKTfML0";

    private WebClientRegistrations() {
    }

    /**
     * The client may redirect to {@code <base>/callback} and return to {@code <base>/} for each base;
     * registering an existing id again replaces its URIs (a test on new ports).
     */
    public static void register(String clientId, List<String> bases) throws SQLException {
        TestServices.Endpoints db = TestServices.endpoints();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.pgUser(), db.pgPassword());
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO clients (id, name, secret_hash, confidential, grant_types, scopes, default_scopes,
                                          redirect_uris, post_logout_redirect_uris)
                     VALUES (?, 'Web test', ?, TRUE, '{authorization_code,refresh_token}',
                             '{openid,profile,email,offline_access}', '{openid,profile}', ?, ?)
                     ON CONFLICT (id) DO UPDATE SET redirect_uris = EXCLUDED.redirect_uris,
                         post_logout_redirect_uris = EXCLUDED.post_logout_redirect_uris, secret_hash = EXCLUDED.secret_hash
                     """)) {
            insert.setString(1, clientId);
            insert.setString(2, SECRET_HASH);
            insert.setArray(3, c.createArrayOf("text", bases.stream().map(b -> b + "/callback").toArray(String[]::new)));
            insert.setArray(4, c.createArrayOf("text", bases.stream().map(b -> b + "/").toArray(String[]::new)));
            insert.executeUpdate();
        }
    }
}
