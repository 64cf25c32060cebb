package dev.tessera.auth.user;

import dev.tessera.auth.support.SqlRows;
import dev.tessera.auth.support.SqlArrays;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accounts in PostgreSQL ({@code users} table). */
@Singleton
public class JdbcUserStore implements UserStore {

    private final JdbcOperations jdbc;

    public JdbcUserStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public Optional<User> findByUsername(String username) {
        return queryOne("SELECT * FROM users WHERE lower(username) = lower(?)", username);
    }

    /** PostgreSQL's own lower(), the one {@link #findByUsername} compares with: Java's differs (U+0130). */
    @Override
    @ReadOnly
    public String loginKey(String username) {
        return jdbc.prepareStatement("SELECT lower(?)", statement -> {
            statement.setString(1, username);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Override
    @ReadOnly
    public Optional<User> findById(UUID id) {
        return queryOne("SELECT * FROM users WHERE id = ?", id);
    }

    @Override
    @ReadOnly
    public List<User> search(String query, int limit, int offset) {
        return jdbc.prepareStatement("""
                SELECT * FROM users
                WHERE ?::text IS NULL OR username ILIKE ? ESCAPE '!' OR display_name ILIKE ? ESCAPE '!' OR email ILIKE ? ESCAPE '!'
                ORDER BY lower(username) LIMIT ? OFFSET ?
                """, statement -> {
            String pattern = query == null ? null : "%" + query.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            statement.setString(1, pattern);
            statement.setString(2, pattern);
            statement.setString(3, pattern);
            statement.setString(4, pattern);
            statement.setInt(5, limit);
            statement.setInt(6, offset);
            return SqlRows.all(statement, JdbcUserStore::map);
        });
    }

    private Optional<User> queryOne(String sql, Object key) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, key);
            return SqlRows.first(statement, JdbcUserStore::map);
        });
    }

    @Override
    @Transactional
    public void save(User user) {
        jdbc.prepareStatement("""
                INSERT INTO users (id, username, password_hash, display_name, email, roles, disabled)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, password_hash = EXCLUDED.password_hash,
                    display_name = EXCLUDED.display_name, email = EXCLUDED.email, roles = EXCLUDED.roles,
                    disabled = EXCLUDED.disabled
                """, statement -> {
            statement.setObject(1, user.id());
            statement.setString(2, user.username());
            statement.setString(3, user.passwordHash());
            statement.setString(4, user.displayName());
            statement.setString(5, user.email());
            statement.setArray(6, SqlArrays.text(statement.getConnection(), user.roles()));
            statement.setBoolean(7, user.disabled());
            return statement.executeUpdate();
        });
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), rs.getString("email"), SqlArrays.toSet(rs.getArray("roles")),
                rs.getBoolean("disabled"));
    }
}
