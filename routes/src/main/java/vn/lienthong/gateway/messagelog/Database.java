package vn.lienthong.gateway.messagelog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import javax.sql.DataSource;

/**
 * The log store's database: an H2 file under the data directory unless {@code spring.datasource.url}
 * names another (PostgreSQL in production). Also the one place that runs a unit of work in a
 * transaction.
 */
public final class Database {

    /** Where the embedded database lives under the data directory. */
    public static final String EMBEDDED_DIR = "message-log";
    static final String EMBEDDED_USER = "lienthong";

    private final DataSource dataSource;
    private final boolean embedded;

    public Database(DataSource dataSource, boolean embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True for the embedded H2 file database. */
    public boolean embedded() {
        return embedded;
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    /**
     * The first column of the rows whose key is one of {@code keys}, asked 500 keys at a time.
     *
     * @param select a query with one {@code IN (%s)} for the keys
     */
    public static java.util.Set<String> selectIn(Connection c, String select, java.util.Collection<String> keys) throws SQLException {
        java.util.Set<String> found = new java.util.HashSet<>();
        java.util.List<String> all = new java.util.ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 500) {
            java.util.List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            try (java.sql.PreparedStatement s = c.prepareStatement(
                    String.format(select, String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))))) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (java.sql.ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getString(1));
                    }
                }
            }
        }
        return found;
    }

    /** Reads outside an explicit transaction. */
    public <T> T read(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        }
    }

    /**
     * Makes committed writes of the embedded database survive a power loss before the broker forgets
     * the messages they came from (H2 otherwise syncs its file in the background). No-op on PostgreSQL,
     * which syncs at commit.
     */
    public void syncToDisk() throws SQLException {
        if (!embedded) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * JDBC settings of the embedded database: a file under {@code dataDir/message-log}, PostgreSQL
     * compatibility mode, writes handed to the OS at each commit, closed by the application (not by H2's
     * own shutdown hook, which would close it under the running log writer). One process at a time:
     * {@code verify-log} on the embedded database runs while the gateway is stopped (or use the admin
     * API's verification). Its password is generated at first use and kept beside the database,
     * readable by the gateway's user only.
     *
     * @param mustExist refuse to create a new database (for read-only commands)
     */
    public static HikariConfig embeddedConfig(Path dataDir, boolean mustExist) {
        Path dir = dataDir.toAbsolutePath().normalize().resolve(EMBEDDED_DIR);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("lienthong") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=32768"
                + (mustExist ? ";IFEXISTS=TRUE" : ""));
        config.setUsername(EMBEDDED_USER);
        config.setPassword(embeddedPassword(dir, mustExist));
        config.setPoolName("message-log");
        config.setMaximumPoolSize(16);
        return config;
    }

    private static String embeddedPassword(Path dir, boolean mustExist) {
        Path file = dir.resolve("db-password");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            if (mustExist) {
                throw new IllegalStateException("no message log under " + dir + " (wrong --lienthong.data-dir?)");
            }
            Files.createDirectories(dir);
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.writeString(file, password, StandardCharsets.UTF_8);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** A pooled data source for the settings (the embedded database when {@code url} is blank). */
    public static HikariDataSource open(String url, String user, String password, Path dataDir, boolean mustExist) {
        HikariConfig config;
        if (url == null || url.isBlank()) {
            config = embeddedConfig(dataDir, mustExist);
        } else {
            config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setPoolName("message-log");
        }
        return new HikariDataSource(config);
    }

    public static boolean isEmbeddedUrl(String url) {
        return url == null || url.isBlank() || url.startsWith("jdbc:h2:");
    }
}
