package dev.tessera.auth.error;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.micronaut.data.connection.exceptions.ConnectionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Reads an unexpected exception's cause chain: is a dependency down or restarting (worth a 503 and a
 * retry), or did a value the client sent fail in the database (a 400)?
 */
final class DependencyFailures {

    private DependencyFailures() {
    }

    /**
     * PostgreSQL unreachable, restarting or out of connections, or Redis unreachable, not answering, or between
     * primaries (a Sentinel failover: commands are rejected while disconnected). A Redis error reply
     * ({@link RedisCommandExecutionException}: NOPERM, WRONGTYPE…) is a bug, not an outage.
     */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Micronaut Data's ConnectionException: no connection could be obtained or set up (the pool handed out
            // one PostgreSQL had already dropped: Hikari's "Connection is closed" carries no SQLSTATE).
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof ConnectionException
                    || (t instanceof RedisException && !(t instanceof RedisCommandExecutionException))) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P: operator intervention (shutdown, starting up).
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 22, data exception: a value the database refuses (invalid bytes, out of range). */
    static boolean isRefusedValue(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
