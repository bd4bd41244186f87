package vn.lienthong.gateway.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Kannel 1.4 as the Debian packages {@code kannel} and {@code kannel-extras} install it, run from
 * {@code gateway-config/kannel/kannel.conf} on free loopback ports: bearerbox, smsbox and fakesmsc
 * (Kannel's test SMSC). The SMS benchmark and the Kannel integration test run the operator's example
 * file itself, with only ports, paths and the gateway's address changed.
 */
public final class KannelBoxes implements AutoCloseable {

    public static final Path BEARERBOX = Path.of("/usr/sbin/bearerbox");
    public static final Path SMSBOX = Path.of("/usr/sbin/smsbox");
    public static final Path FAKESMSC = Path.of("/usr/lib/kannel/test/fakesmsc");
    /** The gateway address written in the example file. */
    static final String EXAMPLE_GATEWAY = "http://127.0.0.1:8080";
    private static final Pattern SETTING = Pattern.compile("^([a-z-]+)\\s*=\\s*(.*)$");

    private final Path example;
    private final Path dir;
    private final int adminPort;
    private final int boxPort;
    private final int smscPort;
    private final int sendsmsPort;
    private final List<Process> boxes = new ArrayList<>();

    /** Ports chosen, nothing started. */
    public KannelBoxes(Path example, Path dir) throws IOException {
        for (Path binary : List.of(BEARERBOX, SMSBOX, FAKESMSC)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: install the Debian packages kannel and kannel-extras (.ci/run does)");
            }
        }
        this.example = example;
        this.dir = dir;
        this.adminPort = freePort();
        this.boxPort = freePort();
        this.smscPort = freePort();
        this.sendsmsPort = freePort();
    }

    public String sendsmsUrl() {
        return "http://127.0.0.1:" + sendsmsPort + "/cgi-bin/sendsms";
    }

    public Path dir() {
        return dir;
    }

    /**
     * Starts bearerbox and smsbox with the example configuration pointing at {@code gatewayBase}.
     *
     * @param smsbox settings of the smsbox group to change
     */
    public void start(String gatewayBase, Map<String, String> smsbox) throws Exception {
        Path conf = dir.resolve("kannel.conf");
        Files.writeString(conf, configuration(gatewayBase, smsbox));
        Files.createDirectories(dir.resolve("store"));
        long boxesBefore = logLines("Client connected from");
        boxes.add(launch("bearerbox", BEARERBOX.toString(), "-v", "2", conf.toString()));
        awaitPort(boxPort);
        boxes.add(launch("smsbox", SMSBOX.toString(), "-v", "2", conf.toString()));
        awaitPort(sendsmsPort);
        // until smsbox has joined, bearerbox has nobody to hand messages to
        awaitLog("Client connected from", boxesBefore, "smsbox did not connect to bearerbox");
    }

    /**
     * fakesmsc, once connected to bearerbox. Its output (a line per message) must be read or sent to
     * a file: a full pipe stops it.
     */
    public Process fakesmsc(ProcessBuilder.Redirect output, String... arguments) throws Exception {
        long before = logLines("Fakesmsc client connected");
        List<String> command = new ArrayList<>(List.of(FAKESMSC.toString(), "-H", "127.0.0.1", "-r", String.valueOf(smscPort)));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
        awaitLog("Fakesmsc client connected", before, "fakesmsc did not connect to bearerbox");
        return process;
    }

    private void awaitLog(String text, long before, String failure) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (logLines(text) == before) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(50);
        }
    }

    /** Lines of bearerbox's log (appended to across restarts) that contain the text. */
    private long logLines(String text) throws IOException {
        Path log = dir.resolve("bearerbox.log");
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    /** The example file with these ports, paths and gateway address. */
    public String configuration(String gatewayBase, Map<String, String> smsbox) throws IOException {
        Map<String, String> box = new LinkedHashMap<>(Map.of("bearerbox-port", String.valueOf(boxPort),
                "sendsms-port", String.valueOf(sendsmsPort), "log-file", dir.resolve("smsbox.log").toString()));
        box.putAll(smsbox);
        Map<String, Map<String, String>> values = Map.of(
                "core", Map.of("admin-port", String.valueOf(adminPort), "smsbox-port", String.valueOf(boxPort),
                        "log-file", dir.resolve("bearerbox.log").toString(), "store-location", dir.resolve("store").toString()),
                "smsc", Map.of("port", String.valueOf(smscPort)),
                "smsbox", box);
        StringBuilder out = new StringBuilder();
        String group = "";
        for (String line : Files.readAllLines(example)) {
            Matcher setting = SETTING.matcher(line.strip());
            if (setting.matches() && setting.group(1).equals("group")) {
                group = setting.group(2).strip();
            } else if (setting.matches() && values.getOrDefault(group, Map.of()).containsKey(setting.group(1))) {
                line = setting.group(1) + " = " + values.get(group).get(setting.group(1));
            }
            out.append(line.replace(EXAMPLE_GATEWAY, gatewayBase)).append('\n');
        }
        return out.toString();
    }

    private Process launch(String name, String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
    }

    static void awaitPort(int port) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Kannel did not open port " + port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** CPU time bearerbox and smsbox have used so far (their SMSC, fakesmsc, not included). */
    public java.time.Duration cpu() {
        return boxes.stream().map(p -> p.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO))
                .reduce(java.time.Duration.ZERO, java.time.Duration::plus);
    }

    /** Stops smsbox, then bearerbox (TERM, then KILL after 10 s). */
    @Override
    public void close() throws Exception {
        for (int i = boxes.size() - 1; i >= 0; i--) {
            Process p = boxes.get(i);
            p.destroy();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        boxes.clear();
    }
}
