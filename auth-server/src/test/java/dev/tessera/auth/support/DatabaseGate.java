package dev.tessera.auth.support;

import dev.tessera.testing.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Holds a transaction of the auth server at one statement, so a test can run a competing request in
 * exactly that window: a {@code BEFORE INSERT} trigger on {@code table}, limited to rows of one user,
 * waits on an advisory lock this gate holds until {@link #open()}. Races that depend on timing become
 * deterministic. The trigger is dropped on {@link #close()}.
 */
public final class DatabaseGate implements AutoCloseable {

    private final Connection connection;
    private final String name;
    private final String table;
    private final long lockKey;
    private boolean held = true;

    private DatabaseGate(Connection connection, String name, String table, long lockKey) {
        this.connection = connection;
        this.name = name;
        this.table = table;
        this.lockKey = lockKey;
    }

    /**
     * Closes the gate for inserts into {@code table} of rows whose user is {@code userId};
     * {@code userOfNewRow} is an SQL expression over {@code NEW} giving that row's user id.
     */
    public static DatabaseGate onInsert(String table, String userOfNewRow, UUID userId) throws SQLException {
        TestServices.Endpoints db = TestServices.endpoints();
        Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.pgUser(), db.pgPassword());
        String name = "test_gate_" + UUID.randomUUID().toString().replace("-", "");
        long lockKey = UUID.randomUUID().getMostSignificantBits();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + lockKey + ")");
            statement.execute("""
                    CREATE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF (%s) = '%s'::uuid THEN
                            PERFORM pg_advisory_xact_lock_shared(%d);
                        END IF;
                        RETURN NEW;
                    END $$""".formatted(name, userOfNewRow, userId, lockKey));
            statement.execute("CREATE TRIGGER %s BEFORE INSERT ON %s FOR EACH ROW EXECUTE FUNCTION %s()"
                    .formatted(name, table, name));
        }
        return new DatabaseGate(connection, name, table, lockKey);
    }

    /** Lets the held transaction go on. */
    public void open() throws SQLException {
        if (held) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock(" + lockKey + ")");
            }
            held = false;
        }
    }

    /** How many sessions of this database wait for a row or table lock (not for a gate). */
    public int lockWaiters() throws SQLException {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("""
                     SELECT count(*) FROM pg_stat_activity
                     WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event <> 'advisory'
                     """)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Whether someone waits at this gate. */
    public boolean someoneWaits() throws SQLException {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("""
                     SELECT count(*) FROM pg_stat_activity
                     WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
                     """)) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    /** Polls until the condition holds, or fails after {@code timeout}. */
    public static void await(String what, Duration timeout, Check condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Until the competing request has finished or waits for a lock that the held transaction owns. */
    public void awaitDoneOrBlocked(Future<?> competitor) throws Exception {
        await("the competing request finishes or waits for a lock", Duration.ofSeconds(20),
                () -> competitor.isDone() || lockWaiters() > 0);
    }

    /** A condition that may query the database. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    @Override
    public void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            open();
            statement.execute("DROP TRIGGER IF EXISTS %s ON %s".formatted(name, table));
            statement.execute("DROP FUNCTION IF EXISTS %s()".formatted(name));
        } finally {
            connection.close();
        }
    }
}
