package io.supporthub.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads rows for assertions with bound parameters, so tests model the habit the code keeps. */
public final class Rows {

    private Rows() {
    }

    public static List<Map<String, Object>> all(DataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> one(DataSource dataSource, String sql, Object... params) {
        List<Map<String, Object>> rows = all(dataSource, sql, params);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    public static long count(DataSource dataSource, String sql, Object... params) {
        return ((Number) one(dataSource, sql, params).values().iterator().next()).longValue();
    }
}
