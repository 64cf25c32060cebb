package dev.tessera.auth.token.store;

import dev.tessera.auth.support.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh families and tokens in PostgreSQL. Rotation locks the presented token's row and its
 * family's row ({@code SELECT … FOR UPDATE}), so every rotation of one family is serialized and each
 * sees the committed state of the previous one.
 */
@Singleton
public class JdbcRefreshTokenStore implements RefreshTokenStore {

    private static final String SELECT_TOKEN = """
            SELECT t.token_hash, t.issued_at, t.expires_at, t.rotated_at, f.*
            FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
            WHERE t.token_hash = ?
            """;

    private final JdbcOperations jdbc;

    public JdbcRefreshTokenStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void startFamily(RefreshFamily family, byte[] firstTokenHash, Instant tokenExpiresAt) {
        jdbc.prepareStatement("""
                INSERT INTO refresh_families (id, user_id, client_id, device_id, scope, created_at, last_refreshed_at,
                                              absolute_expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, statement -> {
            statement.setObject(1, family.id());
            statement.setObject(2, family.userId());
            statement.setString(3, family.clientId());
            statement.setObject(4, family.deviceId());
            statement.setString(5, family.scope());
            statement.setTimestamp(6, Timestamp.from(family.createdAt()));
            statement.setTimestamp(7, Timestamp.from(family.lastRefreshedAt()));
            statement.setTimestamp(8, Timestamp.from(family.absoluteExpiresAt()));
            return statement.executeUpdate();
        });
        insertToken(firstTokenHash, family.id(), null, family.createdAt(), tokenExpiresAt);
    }

    /** RFC 9700 §4.14.2 refresh token rotation with reuse detection, in one transaction. */
    @Override
    @Transactional
    public RotationResult rotate(byte[] presentedHash, byte[] successorHash, String clientId, RotationPolicy policy,
                                 Instant now) {
        StoredRefreshToken token = query(SELECT_TOKEN + " FOR UPDATE", presentedHash).orElse(null);
        RotationPolicy.Decision decision = policy.decide(token, clientId, now);
        switch (decision) {
            case ROTATE -> markRotated(presentedHash, now);
            case GRACE_SIBLING -> { /* the presented token stays rotated; the sibling is inserted below */ }
            case REUSE -> {
                revokeFamily(token.family().id(), "refresh_token_reuse", now);
                return new RotationResult.ReuseDetected(token.family().revoked("refresh_token_reuse", now));
            }
            default -> {
                return new RotationResult.Rejected(decision, token == null ? null : token.family());
            }
        }
        RefreshFamily family = token.family();
        Instant expires = policy.successorExpiry(family, now);
        insertToken(successorHash, family.id(), presentedHash, now, expires);
        jdbc.prepareStatement("UPDATE refresh_families SET last_refreshed_at = ? WHERE id = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setObject(2, family.id());
            return statement.executeUpdate();
        });
        return new RotationResult.Rotated(family.touched(now), expires, decision == RotationPolicy.Decision.GRACE_SIBLING);
    }

    private void markRotated(byte[] hash, Instant now) {
        int updated = jdbc.prepareStatement(
                "UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL", statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    statement.setBytes(2, hash);
                    return statement.executeUpdate();
                });
        if (updated != 1) {
            // Cannot happen while the row lock is held; fail the transaction rather than fork the family.
            throw new IllegalStateException("refresh token rotated concurrently despite the row lock");
        }
    }

    private void insertToken(byte[] hash, UUID familyId, byte[] parentHash, Instant issuedAt, Instant expiresAt) {
        jdbc.prepareStatement("""
                INSERT INTO refresh_tokens (token_hash, family_id, parent_hash, issued_at, expires_at)
                VALUES (?, ?, ?, ?, ?)
                """, statement -> {
            statement.setBytes(1, hash);
            statement.setObject(2, familyId);
            statement.setBytes(3, parentHash);
            statement.setTimestamp(4, Timestamp.from(issuedAt));
            statement.setTimestamp(5, Timestamp.from(expiresAt));
            return statement.executeUpdate();
        });
    }

    @Override
    @ReadOnly
    public Optional<StoredRefreshToken> find(byte[] hash) {
        return query(SELECT_TOKEN, hash);
    }

    @Override
    @Transactional
    public boolean revokeFamily(UUID familyId, String reason, Instant now) {
        return jdbc.prepareStatement(
                "UPDATE refresh_families SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    statement.setString(2, reason);
                    statement.setObject(3, familyId);
                    return statement.executeUpdate() == 1;
                });
    }

    @Override
    @Transactional
    public boolean hasLiveFamily(UUID deviceId, Instant now) {
        return jdbc.prepareStatement("""
                SELECT count(*) FROM refresh_families WHERE device_id = ? AND revoked_at IS NULL AND absolute_expires_at > ?
                """, statement -> {
            statement.setObject(1, deviceId);
            statement.setTimestamp(2, Timestamp.from(now));
            return SqlRows.count(statement) > 0;
        });
    }

    @Override
    @Transactional
    public List<RefreshFamily> revokeFamiliesOfDevice(UUID deviceId, String reason, Instant now) {
        return jdbc.prepareStatement("""
                UPDATE refresh_families SET revoked_at = ?, revoke_reason = ?
                WHERE device_id = ? AND revoked_at IS NULL
                RETURNING *
                """, statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setString(2, reason);
            statement.setObject(3, deviceId);
            return SqlRows.all(statement, JdbcRefreshTokenStore::mapFamily);
        });
    }

    private Optional<StoredRefreshToken> query(String sql, byte[] hash) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setBytes(1, hash);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredRefreshToken(rs.getBytes("token_hash"), mapFamily(rs),
                        SqlRows.instant(rs, "issued_at"), SqlRows.instant(rs, "expires_at"), SqlRows.instant(rs, "rotated_at")));
            }
        });
    }

    private static RefreshFamily mapFamily(ResultSet rs) throws SQLException {
        return new RefreshFamily(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("client_id"), rs.getObject("device_id", UUID.class), rs.getString("scope"),
                SqlRows.instant(rs, "created_at"), SqlRows.instant(rs, "last_refreshed_at"), SqlRows.instant(rs, "absolute_expires_at"),
                SqlRows.instant(rs, "revoked_at"), rs.getString("revoke_reason"));
    }

}
