package vn.lienthong.gateway.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged gateway ({@code routes/target/lienthong-gateway.jar}) as a real process on free ports,
 * as an operator runs it: started, waited for until {@code /actuator/health} is UP, stopped, or killed
 * with SIGKILL and started again on the same data directory.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dataDir;
    private final Path configDir;
    private final List<String> extraArgs;
    private final boolean requireHealthy;
    private final int httpPort;
    private final int brokerPort;
    private final Path log;
    private Process process;

    private GatewayProcess(Path dataDir, Path configDir, List<String> extraArgs, boolean requireHealthy) throws IOException {
        this.requireHealthy = requireHealthy;
        this.dataDir = dataDir;
        this.configDir = configDir;
        this.extraArgs = List.copyOf(extraArgs);
        this.httpPort = freePort();
        this.brokerPort = freePort();
        this.log = Files.createTempFile("lienthong-gateway-it", ".log");
    }

    /** Starts a gateway with the project's gateway-config on a new data directory. */
    public static GatewayProcess start(String... extraArgs) throws Exception {
        return start(Files.createTempDirectory("lienthong-it-data"), configDir(), List.of(extraArgs));
    }

    /** Starts a gateway that may report itself DOWN (e.g. its broker refuses records); waits for the web server only. */
    public static GatewayProcess startUnhealthy(String... extraArgs) throws Exception {
        GatewayProcess gateway = new GatewayProcess(Files.createTempDirectory("lienthong-it-data"), configDir(), List.of(extraArgs), false);
        gateway.launch();
        return gateway;
    }

    public static GatewayProcess start(Path dataDir, Path configDir, List<String> extraArgs) throws Exception {
        GatewayProcess gateway = new GatewayProcess(dataDir, configDir, extraArgs, true);
        gateway.launch();
        return gateway;
    }

    public static Path configDir() {
        return Path.of(System.getProperty("lienthong.it.config-dir", "../gateway-config")).toAbsolutePath().normalize();
    }

    private static Path jar() {
        return Path.of(System.getProperty("lienthong.it.jar", "target/lienthong-gateway.jar")).toAbsolutePath();
    }

    private void launch() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar().toString(),
                "--server.port=" + httpPort,
                "--lienthong.broker.port=" + brokerPort,
                "--lienthong.data-dir=" + dataDir,
                "--lienthong.config-dir=" + configDir));
        command.addAll(quietPeers(extraArgs));
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the user's shell may point the demo configuration at a real system; a test never should
        builder.environment().keySet().removeIf(name -> name.startsWith("INSPECTORATE_") || name.startsWith("LIENTHONG_"));
        process = ItProcesses.track(builder.start(), "gateway-" + httpPort);
        try {
            awaitHealthy(startTimeout());
        } catch (Exception | Error e) {
            // a gateway that did not come up in time is still starting: it would outlive the test run
            kill();
            throw e;
        }
    }

    /**
     * The demo configuration delivers to the inspectorate simulator on 127.0.0.1:8089 and sends SMS
     * through Kannel on 127.0.0.1:13013, where a user's own demo may be listening (it once received
     * test cases). A test that names no peer of its own gets an address where nothing listens.
     */
    static List<String> quietPeers(List<String> extraArgs) throws IOException {
        List<String> args = new ArrayList<>();
        if (extraArgs.stream().noneMatch(a -> a.startsWith("--INSPECTORATE_URL="))) {
            args.add("--INSPECTORATE_URL=http://127.0.0.1:" + freePort());
        }
        if (extraArgs.stream().noneMatch(a -> a.startsWith("--lienthong.sms.kannel.sendsms-url="))) {
            args.add("--lienthong.sms.kannel.sendsms-url=http://127.0.0.1:" + freePort() + "/cgi-bin/sendsms");
        }
        return args;
    }

    /**
     * How long a start may take: 28 s on a quiet machine, over 90 s on one shared with other builds
     * (four classes once failed at a 2-minute limit and passed when rerun; 317 s were measured at a load average of 30). The wait ends as soon as
     * the gateway is healthy or its process exits, so a generous ceiling costs nothing when it works;
     * {@code -Dlienthong.it.start-timeout=PT20M} raises it further.
     */
    static Duration startTimeout() {
        return Duration.parse(System.getProperty("lienthong.it.start-timeout", "PT10M"));
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 || !requireHealthy && r.statusCode() == 503) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("gateway not healthy after " + timeout + ":\n" + logTail());
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        ItProcesses.untrack(process.toHandle());
    }

    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
        ItProcesses.untrack(process.toHandle());
    }

    /** Starts the gateway again on the same ports and data directory. */
    public void restart() throws Exception {
        launch();
    }

    /** Sends SIGTERM and does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; true when it did within the timeout. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return log;
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    /** The output and exit status of an operator command ({@code java -jar … <command>}). */
    public record CommandResult(int exitCode, String output) {
    }

    /** Runs an operator command of the packaged jar (verify-log, ...), which starts neither broker nor HTTP server. */
    public static CommandResult command(String... args) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx256m", "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("lienthong-command", ".out");
        Process p = ItProcesses.track(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start(), "command-" + (args.length > 0 ? args[0] : "gateway"));
        // output to a file, so that a command that hangs is noticed here instead of in a blocking read
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            ItProcesses.end(p.toHandle(), 5);
            throw new IllegalStateException("command did not finish: " + command + "\n" + Files.readString(output));
        }
        ItProcesses.untrack(p.toHandle());
        String text = Files.readString(output);
        Files.deleteIfExists(output);
        return new CommandResult(p.exitValue(), text);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
