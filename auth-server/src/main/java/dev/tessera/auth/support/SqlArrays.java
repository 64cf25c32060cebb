package dev.tessera.auth.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** PostgreSQL {@code text[]} columns to and from Java collections. */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static Array text(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    public static List<String> toList(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }

    public static Set<String> toSet(Array array) throws SQLException {
        return Set.copyOf(new LinkedHashSet<>(toList(array)));
    }
}
