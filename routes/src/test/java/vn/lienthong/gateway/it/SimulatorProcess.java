package vn.lienthong.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged inspectorate simulator ({@code inspectorate-simulator/target/inspectorate-simulator.jar})
 * as a real process on free ports, driven through its control API: switch its mode, read the cases it
 * stored.
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int servicePort;
    private final int controlPort;
    private final Path log;
    private Process process;

    private SimulatorProcess() throws IOException {
        this.servicePort = GatewayProcess.freePort();
        this.controlPort = GatewayProcess.freePort();
        this.log = Files.createTempFile("inspectorate-simulator-it", ".log");
    }

    public static SimulatorProcess start(String... extraArgs) throws Exception {
        SimulatorProcess simulator = new SimulatorProcess();
        simulator.launch(List.of(extraArgs));
        return simulator;
    }

    private void launch(List<String> extraArgs) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of(System.getProperty("lienthong.it.simulator-jar", "../inspectorate-simulator/target/inspectorate-simulator.jar"))
                .toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString(), "--server.port=" + servicePort, "--simulator.control-port=" + controlPort));
        command.addAll(extraArgs);
        process = ItProcesses.track(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start(), "simulator-" + servicePort);
        Instant deadline = Instant.now().plus(GatewayProcess.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("simulator exited:\n" + Files.readString(log));
            }
            try {
                if (control("GET", "/sim/stats").status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("simulator not up:\n" + Files.readString(log));
    }

    /** Base URL of the case system (SOAP at /services/inspectorate-case, REST at /api/v1/cases). */
    public String url() {
        return "http://127.0.0.1:" + servicePort;
    }

    /** Base URL of the control API (/sim/...). */
    public String controlUrl() {
        return "http://127.0.0.1:" + controlPort;
    }

    public void mode(String mode) throws Exception {
        control("POST", "/sim/mode?mode=" + mode);
    }

    public void mode(String mode, String query) throws Exception {
        control("POST", "/sim/mode?mode=" + mode + "&" + query);
    }

    public void reset() throws Exception {
        control("POST", "/sim/reset");
    }

    /** Cases stored for one channel ({@code soap}, {@code rest}), in order of first arrival. */
    public List<JsonNode> cases(String channel) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        control("GET", "/sim/cases?channel=" + channel).json().forEach(list::add);
        return list;
    }

    /** Bearer tokens: how many calls were refused with 401, how many distinct tokens were accepted. */
    public JsonNode tokens() throws Exception {
        return control("GET", "/sim/tokens").json();
    }

    /** Every token seen so far is refused from now on. */
    public void revokeTokens() throws Exception {
        control("POST", "/sim/tokens/revoke");
    }

    public JsonNode stats() throws Exception {
        return control("GET", "/sim/stats").json();
    }

    record Answer(int status, JsonNode json) {
    }

    private Answer control(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            ItProcesses.untrack(process.toHandle());
        }
    }
}
