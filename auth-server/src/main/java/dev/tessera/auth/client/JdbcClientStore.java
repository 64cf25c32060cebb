package dev.tessera.auth.client;

import dev.tessera.auth.support.SqlArrays;
import dev.tessera.auth.support.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Clients in PostgreSQL ({@code clients} table). */
@Singleton
public class JdbcClientStore implements ClientStore {

    private final JdbcOperations jdbc;

    public JdbcClientStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public Optional<Client> findById(String id) {
        return jdbc.prepareStatement("SELECT * FROM clients WHERE id = ?", statement -> {
            statement.setString(1, id);
            return SqlRows.first(statement, JdbcClientStore::map);
        });
    }

    @Override
    @ReadOnly
    public List<Client> list(int limit, int offset) {
        return jdbc.prepareStatement("SELECT * FROM clients ORDER BY id LIMIT ? OFFSET ?", statement -> {
            statement.setInt(1, limit);
            statement.setInt(2, offset);
            return SqlRows.all(statement, JdbcClientStore::map);
        });
    }

    @Override
    @Transactional
    public void save(Client client) {
        jdbc.prepareStatement("""
                INSERT INTO clients (id, name, secret_hash, confidential, grant_types, scopes, default_scopes,
                                     redirect_uris, session_policy, post_logout_redirect_uris, backchannel_logout_uri,
                                     access_token_type, pkce_required, introspection_audiences)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, secret_hash = EXCLUDED.secret_hash,
                    confidential = EXCLUDED.confidential, grant_types = EXCLUDED.grant_types,
                    scopes = EXCLUDED.scopes, default_scopes = EXCLUDED.default_scopes,
                    redirect_uris = EXCLUDED.redirect_uris, session_policy = EXCLUDED.session_policy,
                    post_logout_redirect_uris = EXCLUDED.post_logout_redirect_uris,
                    backchannel_logout_uri = EXCLUDED.backchannel_logout_uri,
                    access_token_type = EXCLUDED.access_token_type, pkce_required = EXCLUDED.pkce_required,
                    introspection_audiences = EXCLUDED.introspection_audiences
                """, statement -> {
            statement.setString(1, client.id());
            statement.setString(2, client.name());
            statement.setString(3, client.secretHash());
            statement.setBoolean(4, client.confidential());
            statement.setArray(5, SqlArrays.text(statement.getConnection(), client.grantTypes()));
            statement.setArray(6, SqlArrays.text(statement.getConnection(), client.scopes()));
            statement.setArray(7, SqlArrays.text(statement.getConnection(), client.defaultScopes()));
            statement.setArray(8, SqlArrays.text(statement.getConnection(), client.redirectUris()));
            statement.setString(9, client.sessionPolicy());
            statement.setArray(10, SqlArrays.text(statement.getConnection(), client.postLogoutRedirectUris()));
            statement.setString(11, client.backchannelLogoutUri());
            statement.setString(12, client.accessTokenType().columnValue());
            statement.setBoolean(13, client.pkceRequired());
            statement.setArray(14, SqlArrays.text(statement.getConnection(), client.introspectionAudiences()));
            return statement.executeUpdate();
        });
    }

    private static Client map(ResultSet rs) throws SQLException {
        return new Client(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("secret_hash"),
                rs.getBoolean("confidential"),
                SqlArrays.toSet(rs.getArray("grant_types")),
                SqlArrays.toSet(rs.getArray("scopes")),
                SqlArrays.toSet(rs.getArray("default_scopes")),
                List.copyOf(SqlArrays.toList(rs.getArray("redirect_uris"))),
                rs.getString("session_policy"),
                List.copyOf(SqlArrays.toList(rs.getArray("post_logout_redirect_uris"))),
                rs.getString("backchannel_logout_uri"),
                AccessTokenType.fromColumn(rs.getString("access_token_type")),
                rs.getBoolean("pkce_required"),
                SqlArrays.toSet(rs.getArray("introspection_audiences")));
    }
}
