package io.cellbench.importers.reference;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** A CSV read by DuckDB's own CSV reader: a peer we did not write, for checking ours. */
public final class CsvTable {

    private CsvTable() {
    }

    public static Table read(Path file, String options) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT * FROM read_csv(?, header = true" + options + ")")) {
            query.setString(1, file.toString());
            try (ResultSet result = query.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                int n = meta.getColumnCount();
                List<List<Object>> values = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    values.add(new ArrayList<>());
                }
                int rows = 0;
                while (result.next()) {
                    rows++;
                    for (int c = 0; c < n; c++) {
                        int type = meta.getColumnType(c + 1);
                        if (type == Types.VARCHAR) {
                            values.get(c).add(result.getString(c + 1));
                        } else {
                            double v = result.getDouble(c + 1);
                            values.get(c).add(result.wasNull() ? Double.NaN : v);
                        }
                    }
                }
                Table table = Table.of(rows);
                for (int c = 0; c < n; c++) {
                    String name = meta.getColumnName(c + 1);
                    if (meta.getColumnType(c + 1) == Types.VARCHAR) {
                        table.texts().put(name, values.get(c).stream().map(v -> (String) v).toList());
                    } else {
                        table.numbers().put(name, values.get(c).stream().mapToDouble(v -> (Double) v).toArray());
                    }
                }
                return table;
            }
        }
    }
}
