package dev.tessera.auth.revocation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Revocations waiting to reach Redis ({@code revocation_outbox}). */
@Singleton
public class RevocationOutbox {

    private final JdbcOperations jdbc;

    public RevocationOutbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an event; joins the caller's transaction, so it commits with the change it describes. */
    @Transactional
    public void enqueue(RevocationEvent event) {
        jdbc.prepareStatement("""
                INSERT INTO revocation_outbox (kind, subject, revoked_at, relevant_until, reason)
                VALUES (?, ?, ?, ?, ?)
                """, statement -> {
            statement.setString(1, event.kind().code());
            statement.setString(2, event.subject());
            statement.setTimestamp(3, Timestamp.from(event.revokedAt()));
            statement.setTimestamp(4, Timestamp.from(event.relevantUntil()));
            statement.setString(5, event.reason());
            return statement.executeUpdate();
        });
    }

    /** Unpublished events, oldest first, locked so that two replicas never relay the same rows. */
    @Transactional
    public List<Pending> lockPending(int limit) {
        return jdbc.prepareStatement("""
                SELECT * FROM revocation_outbox WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
                """, statement -> {
            statement.setInt(1, limit);
            List<Pending> pending = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    pending.add(new Pending(rs.getLong("id"), new RevocationEvent(
                            RevocationEvent.Kind.of(rs.getString("kind")), rs.getString("subject"),
                            rs.getTimestamp("revoked_at").toInstant(), rs.getTimestamp("relevant_until").toInstant(),
                            rs.getString("reason"))));
                }
            }
            return pending;
        });
    }

    @Transactional
    public void markPublished(long id, Instant now) {
        jdbc.prepareStatement("UPDATE revocation_outbox SET published_at = ? WHERE id = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setLong(2, id);
            return statement.executeUpdate();
        });
    }

    @Transactional
    public long countPending() {
        return jdbc.prepareStatement("SELECT count(*) FROM revocation_outbox WHERE published_at IS NULL", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** An outbox row. */
    public record Pending(long id, RevocationEvent event) {
    }
}
