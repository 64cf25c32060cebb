package dev.tessera.auth.keys;

import dev.tessera.auth.support.SqlRows;
import com.nimbusds.jose.jwk.JWK;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Signing keys in PostgreSQL ({@code signing_keys}). */
@Singleton
public class JdbcSigningKeyStore implements SigningKeyStore {

    private final JdbcOperations jdbc;
    private final SigningKeyCipher cipher;

    public JdbcSigningKeyStore(JdbcOperations jdbc, SigningKeyCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    @ReadOnly
    public List<SigningKey> published(Instant now) {
        return jdbc.prepareStatement(
                "SELECT * FROM signing_keys WHERE publish_until IS NULL OR publish_until > ? ORDER BY created_at DESC, kid",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    return SqlRows.all(statement, this::map);
                });
    }

    @Override
    @Transactional
    public void insert(SigningKey key) {
        jdbc.prepareStatement("INSERT INTO signing_keys (kid, algorithm, jwk, created_at) VALUES (?, ?, ?, ?)", statement -> {
            statement.setString(1, key.kid());
            statement.setString(2, key.algorithm().name());
            statement.setString(3, cipher.encrypt(key.kid(), key.jwk().toJSONString()));
            statement.setTimestamp(4, Timestamp.from(key.createdAt()));
            return statement.executeUpdate();
        });
    }

    @Override
    @Transactional
    public void retireActiveExcept(Collection<String> keepKids, Instant now, Instant publishUntil) {
        jdbc.prepareStatement(
                "UPDATE signing_keys SET retired_at = ?, publish_until = ? WHERE retired_at IS NULL AND kid <> ALL (?)",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    statement.setTimestamp(2, Timestamp.from(publishUntil));
                    statement.setArray(3, statement.getConnection().createArrayOf("text", keepKids.toArray()));
                    return statement.executeUpdate();
                });
    }

    @Override
    @Transactional
    public int purgeExpired(Instant now) {
        return jdbc.prepareStatement("DELETE FROM signing_keys WHERE publish_until <= ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            return statement.executeUpdate();
        });
    }

    private SigningKey map(ResultSet rs) throws SQLException {
        try {
            Timestamp retired = rs.getTimestamp("retired_at");
            Timestamp until = rs.getTimestamp("publish_until");
            return new SigningKey(rs.getString("kid"), SigningAlgorithm.valueOf(rs.getString("algorithm")),
                    JWK.parse(cipher.decrypt(rs.getString("kid"), rs.getString("jwk"))), rs.getTimestamp("created_at").toInstant(),
                    retired == null ? null : retired.toInstant(), until == null ? null : until.toInstant());
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key " + rs.getString("kid") + " is not a JWK", e);
        }
    }
}
