package dev.tessera.auth.support;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Direct reads of the test database, outside any application transaction. */
@Singleton
@Connectable
public class Sql {

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String sql, Object... args) {
        return query(sql, rs -> rs.next() ? rs.getLong(1) : 0L, args);
    }

    public String string(String sql, Object... args) {
        return query(sql, rs -> rs.next() ? rs.getString(1) : null, args);
    }

    public <T> T query(String sql, RowReader<T> reader, Object... args) {
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connection() throws SQLException {
        return dataSource.getConnection(); // the connection of the surrounding @Connectable scope
    }

    /** Reads a result set. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
