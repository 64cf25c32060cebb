package dev.tessera.auth.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

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
}
