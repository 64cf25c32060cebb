package dev.tessera.auth.sso.backchannel;

import dev.tessera.auth.support.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Logout tokens waiting for delivery ({@code backchannel_deliveries}): durable, so a client that is down gets them later. */
@Singleton
public class BackchannelDeliveries {

    private final JdbcOperations jdbc;

    public BackchannelDeliveries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery to attempt. */
    public record Due(long id, String clientId, String uri, String logoutToken, int attempts) {
    }

    @Transactional
    public void enqueue(String clientId, String uri, String logoutToken, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO backchannel_deliveries (client_id, uri, logout_token, next_attempt_at) VALUES (?, ?, ?, ?)
                """, statement -> {
            statement.setString(1, clientId);
            statement.setString(2, uri);
            statement.setString(3, logoutToken);
            statement.setTimestamp(4, Timestamp.from(now));
            return statement.executeUpdate();
        });
    }

    /** Due deliveries, locked for this replica until its transaction ends. */
    @Transactional
    public List<Due> lockDue(Instant now, int limit) {
        return jdbc.prepareStatement("""
                SELECT id, client_id, uri, logout_token, attempts FROM backchannel_deliveries
                WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ?
                ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED
                """, statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setInt(2, limit);
            return SqlRows.all(statement, rs -> new Due(rs.getLong("id"), rs.getString("client_id"), rs.getString("uri"),
                    rs.getString("logout_token"), rs.getInt("attempts")));
        });
    }

    @Transactional
    public void delivered(long id, Instant now) {
        jdbc.prepareStatement("UPDATE backchannel_deliveries SET delivered_at = ?, attempts = attempts + 1 WHERE id = ?", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setLong(2, id);
            return s.executeUpdate();
        });
    }

    /** Records a failed attempt; {@code nextAttempt} null gives up. */
    @Transactional
    public void failed(long id, String error, Instant nextAttempt, Instant now) {
        jdbc.prepareStatement("""
                UPDATE backchannel_deliveries SET attempts = attempts + 1, last_error = ?,
                    next_attempt_at = COALESCE(?::timestamptz, next_attempt_at),
                    given_up_at = CASE WHEN ?::timestamptz IS NULL THEN ?::timestamptz END
                WHERE id = ?
                """, s -> {
            s.setString(1, error.length() > 250 ? error.substring(0, 250) : error);
            s.setTimestamp(2, nextAttempt == null ? null : Timestamp.from(nextAttempt));
            s.setTimestamp(3, nextAttempt == null ? null : Timestamp.from(nextAttempt));
            s.setTimestamp(4, Timestamp.from(now));
            s.setLong(5, id);
            return s.executeUpdate();
        });
    }
}
