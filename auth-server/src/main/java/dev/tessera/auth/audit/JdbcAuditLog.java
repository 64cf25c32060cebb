package dev.tessera.auth.audit;

import dev.tessera.auth.support.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Audit events in PostgreSQL ({@code audit_events}, append-only by trigger). */
@Singleton
public class JdbcAuditLog implements AuditLog {

    private final JdbcOperations jdbc;

    public JdbcAuditLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void record(AuditEvent event) {
        jdbc.prepareStatement("""
                INSERT INTO audit_events (event_type, actor, user_id, client_id, device_id, ip, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, statement -> {
            statement.setString(1, event.type());
            statement.setString(2, event.actor());
            statement.setObject(3, event.userId());
            statement.setString(4, event.clientId());
            statement.setObject(5, event.deviceId());
            statement.setString(6, event.ip());
            statement.setString(7, event.detail());
            return statement.executeUpdate();
        });
    }

    @Override
    @ReadOnly
    public List<AuditRecord> find(UUID userId, String type, int limit, int offset) {
        return jdbc.prepareStatement("""
                SELECT * FROM audit_events
                WHERE (?::uuid IS NULL OR user_id = ?) AND (?::varchar IS NULL OR event_type = ?)
                ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?
                """, statement -> {
            statement.setObject(1, userId);
            statement.setObject(2, userId);
            statement.setString(3, type);
            statement.setString(4, type);
            statement.setInt(5, limit);
            statement.setInt(6, offset);
            return SqlRows.all(statement, JdbcAuditLog::map);
        });
    }

    private static AuditRecord map(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("id"), SqlRows.instant(rs, "occurred_at"), rs.getString("event_type"),
                rs.getString("actor"), rs.getObject("user_id", UUID.class), rs.getString("client_id"),
                rs.getObject("device_id", UUID.class), rs.getString("ip"), rs.getString("detail"));
    }
}
