package vn.lienthong.gateway.messagelog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/** Migrated databases for tests: the embedded H2 file database, or a PostgreSQL database by URL. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** The embedded database under a data directory, as the gateway opens it, migrated. */
    public static Database h2(Path dataDir) {
        return migrated(new HikariDataSource(Database.embeddedConfig(dataDir, false)), true);
    }

    public static Database postgres(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        return migrated(new HikariDataSource(config), false);
    }

    private static Database migrated(HikariDataSource ds, boolean embedded) {
        Flyway.configure().dataSource(ds).load().migrate();
        return new Database(ds, embedded);
    }

    public static void close(Database db) {
        if (db != null && db.dataSource() instanceof HikariDataSource ds) {
            ds.close();
        }
    }
}
