package vn.lienthong.gateway.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests, started once per test JVM by
 * {@code src/test/resources/postgres/pg-test-server.sh} from the distribution's packages, on a free
 * port in a temporary directory, and removed when the JVM exits. Each test gets its own database.
 * Without PostgreSQL installed the tests fail (install it, or opt out explicitly with
 * {@code -Dlienthong.it.postgres=skip}).
 */
public final class PostgresServer {

    public static final String USER = "lienthong";

    private static PostgresServer instance;

    private final Path script;
    private final Path dir;
    private final int port;
    private final String password;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path script, Path dir, int port, String password) {
        this.script = script;
        this.dir = dir;
        this.port = port;
        this.password = password;
    }

    public static synchronized PostgresServer get() throws Exception {
        Assumptions.assumeFalse("skip".equals(System.getProperty("lienthong.it.postgres")),
                "PostgreSQL tests skipped on request (-Dlienthong.it.postgres=skip)");
        if (instance == null) {
            Path script = Path.of(PostgresServer.class.getResource("/postgres/pg-test-server.sh").toURI());
            byte[] random = new byte[8];
            new SecureRandom().nextBytes(random);
            // under /tmp: the postgres user must be able to reach it
            Path dir = Path.of("/tmp", "lienthong-pg-" + HexFormat.of().formatHex(random));
            String password = "it-" + HexFormat.of().formatHex(random);
            PostgresServer server = new PostgresServer(script, dir, GatewayProcess.freePort(), password);
            server.run("start", dir.toString(), Integer.toString(server.port), password);
            // pg_ctl detaches the server from us: register the postmaster for the reaper by its pid file
            try {
                long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).strip());
                ProcessHandle.of(postmaster).ifPresent(h -> ItProcesses.track(h, "postgres-" + server.port));
            } catch (IOException | RuntimeException e) {
                System.err.println("postgres pid not registered: " + e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.run("stop", dir.toString());
                } catch (Exception e) {
                    // the JVM is exiting
                }
            }));
            instance = server;
        }
        return instance;
    }

    private void run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pg-test-server.sh " + args[0] + " failed:\n" + output);
        }
    }

    /** A new empty database; returns its JDBC URL. */
    public String newDatabase() throws SQLException {
        String name = "lienthong_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String password() {
        return password;
    }

    /** Gateway arguments that point it at a new database of this server. */
    public List<String> gatewayArgs() throws SQLException {
        return List.of("--spring.datasource.url=" + newDatabase(), "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + password);
    }
}
