package dev.tessera.auth.revocation;

import dev.tessera.auth.support.SqlRows;
import dev.tessera.contract.revocation.RevocableToken;
import dev.tessera.contract.revocation.RevocationEvent;
import dev.tessera.contract.revocation.RevocationRule;
import dev.tessera.contract.revocation.RevocationTarget;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The revocation outbox in PostgreSQL ({@code revocation_outbox}). */
@Singleton
public class JdbcRevocationOutbox implements RevocationOutbox {

    private final JdbcOperations jdbc;

    public JdbcRevocationOutbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an event; joins the caller's transaction, so it commits with the change it describes. */
    @Override
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
    @Override
    @Transactional
    public List<RevocationOutbox.Pending> lockPending(int limit) {
        return jdbc.prepareStatement("""
                SELECT * FROM revocation_outbox WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
                """, statement -> {
            statement.setInt(1, limit);
            return SqlRows.all(statement, rs -> new RevocationOutbox.Pending(rs.getLong("id"), new RevocationEvent(
                    RevocationEvent.Kind.of(rs.getString("kind")), rs.getString("subject"),
                    SqlRows.instant(rs, "revoked_at"), SqlRows.instant(rs, "relevant_until"), rs.getString("reason"))));
        });
    }

    @Override
    @Transactional
    public void markPublished(long id, Instant now) {
        jdbc.prepareStatement("UPDATE revocation_outbox SET published_at = ? WHERE id = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setLong(2, id);
            return statement.executeUpdate();
        });
    }

    /**
     * The same question as {@link Denylist#isRevoked}, answered from PostgreSQL: the latest live mark
     * of each of the token's targets, judged by the same {@link RevocationRule}.
     */
    @Override
    @Transactional
    public boolean isRevoked(RevocableToken token) {
        List<RevocationTarget> targets = token.targets();
        String pairs = String.join(", ", java.util.Collections.nCopies(targets.size(), "(?, ?)"));
        Map<RevocationTarget, Long> marks = jdbc.prepareStatement("""
                SELECT kind, subject, max(revoked_at) AS revoked_at FROM revocation_outbox
                WHERE relevant_until > now() AND (kind, subject) IN (%s) GROUP BY kind, subject
                """.formatted(pairs), statement -> {
            int index = 1;
            for (RevocationTarget target : targets) {
                statement.setString(index++, target.kind().code());
                statement.setString(index++, target.subject());
            }
            Map<RevocationTarget, Long> found = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.put(new RevocationTarget(RevocationEvent.Kind.of(rs.getString("kind")), rs.getString("subject")),
                            rs.getTimestamp("revoked_at").getTime());
                }
            }
            return found;
        });
        return RevocationRule.isRevoked(token, marks::get);
    }

    @Override
    @Transactional
    public int requeueLive(Instant now) {
        return jdbc.prepareStatement(
                "UPDATE revocation_outbox SET published_at = NULL WHERE published_at IS NOT NULL AND relevant_until > ?",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    return statement.executeUpdate();
                });
    }

    /** Deletes published rows whose tokens have all expired; returns how many. */
    @Override
    @Transactional
    public int prune(Instant now) {
        return jdbc.prepareStatement(
                "DELETE FROM revocation_outbox WHERE published_at IS NOT NULL AND relevant_until < ?", statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    return statement.executeUpdate();
                });
    }

    /** Seconds since the oldest unpublished revocation was made; 0 when nothing waits. */
    @Override
    @Transactional
    public double oldestPendingAgeSeconds(Instant now) {
        return jdbc.prepareStatement("SELECT min(revoked_at) FROM revocation_outbox WHERE published_at IS NULL", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(1);
                return oldest == null ? 0 : Math.max(0, (now.toEpochMilli() - oldest.getTime()) / 1000.0);
            }
        });
    }

    @Override
    @Transactional
    public long countPending() {
        return jdbc.prepareStatement("SELECT count(*) FROM revocation_outbox WHERE published_at IS NULL", statement -> {
            return SqlRows.count(statement);
        });
    }

}
