package io.cellbench.importers.reference;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference tables read by an in-memory DuckDB: fastnda's Parquet files (Brotli, one zstd; no
 * Hadoop needed) and CSV/TSV read by DuckDB's own CSV reader, a peer we did not write. Timestamps
 * without a zone become seconds as if they were UTC.
 */
public final class DuckDbTable {

    private DuckDbTable() {
    }

    public static Table parquet(Path file) throws SQLException {
        return query("SELECT * FROM read_parquet(?)", file);
    }

    /** {@code options} are more read_csv arguments, each after a comma, e.g. {@code ", delim = '\t'"}. */
    public static Table csv(Path file, String options) throws SQLException {
        return query("SELECT * FROM read_csv(?, header = true" + options + ")", file);
    }

    private static Table query(String sql, Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, file.toString());
            try (ResultSet result = query.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                int n = columns.getColumnCount();
                List<List<Object>> values = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    values.add(new ArrayList<>());
                }
                int rows = 0;
                while (result.next()) {
                    rows++;
                    for (int c = 0; c < n; c++) {
                        values.get(c).add(value(result, c + 1, columns.getColumnType(c + 1)));
                    }
                }
                Table table = Table.of(rows);
                for (int c = 0; c < n; c++) {
                    String name = columns.getColumnName(c + 1);
                    if (isText(columns.getColumnType(c + 1))) {
                        table.texts().put(name, values.get(c).stream().map(v -> v == null ? null : (String) v).toList());
                    } else {
                        table.numbers().put(name, values.get(c).stream()
                                .mapToDouble(v -> v == null ? Double.NaN : (Double) v).toArray());
                    }
                }
                return table;
            }
        }
    }

    private static boolean isText(int type) {
        return type == Types.VARCHAR || type == Types.CHAR || type == Types.OTHER || type == Types.JAVA_OBJECT;
    }

    private static Object value(ResultSet result, int column, int type) throws SQLException {
        if (isText(type)) {
            Object value = result.getObject(column);
            return value == null ? null : value.toString();
        }
        if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
            Timestamp t = result.getTimestamp(column);
            if (t == null) {
                return null;
            }
            LocalDateTime local = t.toLocalDateTime();
            return local.toEpochSecond(ZoneOffset.UTC) + local.getNano() / 1e9;
        }
        double value = result.getDouble(column);
        return result.wasNull() ? null : value;
    }
}
