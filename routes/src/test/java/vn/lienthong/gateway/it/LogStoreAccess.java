package vn.lienthong.gateway.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import vn.lienthong.gateway.messagelog.Database;

/** Direct access to a stopped gateway's log store, as someone tampering with it would have. */
final class LogStoreAccess {

    private LogStoreAccess() {
    }

    static HikariDataSource open(Path dataDir, List<String> databaseArgs) {
        String url = arg(databaseArgs, "--spring.datasource.url=");
        if (url == null) {
            return new HikariDataSource(Database.embeddedConfig(dataDir, true));
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(arg(databaseArgs, "--spring.datasource.username="));
        config.setPassword(arg(databaseArgs, "--spring.datasource.password="));
        return new HikariDataSource(config);
    }

    static String entryColumn(Path dataDir, List<String> databaseArgs, long seq, String column) throws Exception {
        try (HikariDataSource ds = open(dataDir, databaseArgs); Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM log_entry WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    static void setEntryColumn(Path dataDir, List<String> databaseArgs, long seq, String column, String value) throws Exception {
        try (HikariDataSource ds = open(dataDir, databaseArgs); Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE log_entry SET " + column + " = ? WHERE seq = ?")) {
            s.setString(1, value);
            s.setLong(2, seq);
            s.executeUpdate();
        }
    }

    private static String arg(List<String> args, String prefix) {
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst().orElse(null);
    }
}
