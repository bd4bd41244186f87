package vn.lienthong.gateway.it;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Kannel 1.4 (Debian {@code kannel}, {@code kannel-extras}) on free loopback ports: bearerbox,
 * smsbox and fakesmsc as the SMSC, configured from the project's own
 * {@code gateway-config/kannel/kannel.conf} with ports, paths and the gateway's address rewritten.
 * Messages are typed into fakesmsc's interactive mode; the replies it receives are collected from its
 * output and concatenated parts joined again.
 */
public final class KannelRig implements AutoCloseable {

    static final Path BEARERBOX = Path.of("/usr/sbin/bearerbox");
    static final Path SMSBOX = Path.of("/usr/sbin/smsbox");
    static final Path FAKESMSC = Path.of("/usr/lib/kannel/test/fakesmsc");
    static final Path EXAMPLE = GatewayProcess.configDir().resolve("kannel/kannel.conf");
    private static final Pattern GOT = Pattern.compile("Got message \\d+: <(\\S+) (\\S+) (\\S+) (.*)>\\s*$");
    private static final Pattern SENT = Pattern.compile("fakesmsc: sent message (\\d+)");

    /** A reply as the phone sees it. */
    public record Mt(String from, String to, String text) {
    }

    private record Part(String from, String to, int ref, int total, int seq, byte[] data) {
    }

    private final Path dir;
    private final int adminPort;
    private final int boxPort;
    private final int smscPort;
    private final int sendsmsPort;
    private final List<Mt> singles = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private BufferedWriter fakesmsc;
    private int injected;
    private int confirmed;

    private KannelRig(Path dir) throws IOException {
        this.dir = dir;
        this.adminPort = GatewayProcess.freePort();
        this.boxPort = GatewayProcess.freePort();
        this.smscPort = GatewayProcess.freePort();
        this.sendsmsPort = GatewayProcess.freePort();
    }

    /** Ports chosen, nothing started: the gateway needs the sendsms URL before Kannel needs the gateway. */
    public static KannelRig prepare() throws IOException {
        for (Path binary : List.of(BEARERBOX, SMSBOX, FAKESMSC)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: install the Debian packages kannel and kannel-extras (.ci/run does)");
            }
        }
        return new KannelRig(Files.createTempDirectory("lienthong-kannel"));
    }

    public String sendsmsUrl() {
        return "http://127.0.0.1:" + sendsmsPort + "/cgi-bin/sendsms";
    }

    /**
     * Starts bearerbox, smsbox and fakesmsc with the example configuration pointing at {@code gatewayBase}.
     *
     * @param smsbox settings of the smsbox group to change (e.g. {@code http-request-retry})
     */
    public KannelRig start(String gatewayBase, Map<String, String> smsbox) throws Exception {
        Path conf = dir.resolve("kannel.conf");
        Files.writeString(conf, configuration(gatewayBase, smsbox));
        Files.createDirectories(dir.resolve("store"));
        processes.add(launch("bearerbox", BEARERBOX.toString(), "-v", "2", conf.toString()));
        awaitPort(boxPort);
        processes.add(launch("smsbox", SMSBOX.toString(), "-v", "2", conf.toString()));
        awaitPort(sendsmsPort);
        ProcessBuilder fake = new ProcessBuilder(FAKESMSC.toString(), "-H", "127.0.0.1", "-r", String.valueOf(smscPort), "-i", "0")
                .redirectErrorStream(true);
        Process process = fake.start();
        processes.add(process);
        fakesmsc = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII));
        Thread reader = new Thread(() -> read(process), "fakesmsc-output");
        reader.setDaemon(true);
        reader.start();
        Instant deadline = Instant.now().plusSeconds(20);
        Path log = dir.resolve("bearerbox.log");
        while (!Files.exists(log) || !Files.readString(log).contains("Fakesmsc client connected")) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("fakesmsc did not connect:\n" + log(log));
            }
            Thread.sleep(100);
        }
        return this;
    }

    /** The example file with this rig's ports, paths and gateway address. */
    String configuration(String gatewayBase, Map<String, String> smsbox) throws IOException {
        Map<String, Map<String, String>> values = Map.of(
                "core", Map.of("admin-port", String.valueOf(adminPort), "smsbox-port", String.valueOf(boxPort),
                        "log-file", dir.resolve("bearerbox.log").toString(), "store-location", dir.resolve("store").toString()),
                "smsc", Map.of("port", String.valueOf(smscPort)),
                "smsbox", merge(Map.of("bearerbox-port", String.valueOf(boxPort), "sendsms-port", String.valueOf(sendsmsPort),
                        "log-file", dir.resolve("smsbox.log").toString()), smsbox));
        StringBuilder out = new StringBuilder();
        String group = "";
        for (String line : Files.readAllLines(EXAMPLE)) {
            Matcher setting = Pattern.compile("^([a-z-]+)\\s*=\\s*(.*)$").matcher(line.strip());
            if (setting.matches() && setting.group(1).equals("group")) {
                group = setting.group(2).strip();
            } else if (setting.matches() && values.getOrDefault(group, Map.of()).containsKey(setting.group(1))) {
                line = setting.group(1) + " = " + values.get(group).get(setting.group(1));
            }
            out.append(line.replace("http://127.0.0.1:8080", gatewayBase)).append('\n');
        }
        return out.toString();
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    private Process launch(String name, String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
    }

    private static void awaitPort(int port) throws Exception {
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

    /**
     * A message from a phone. Text with Vietnamese letters goes as UCS-2, as a phone sends it.
     * fakesmsc reads its input with stdio behind select(): lines that arrive together wait in its
     * buffer until something else wakes it, so each line is written only once the previous one is sent.
     */
    public synchronized void inject(String from, String to, String text) throws IOException, InterruptedException {
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        String payload = ascii ? "text " + text
                : "ucs2 " + URLEncoder.encode(new String(text.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1),
                        StandardCharsets.ISO_8859_1);
        fakesmsc.write(from + " " + to + " " + payload + "\n");
        fakesmsc.flush();
        injected++;
        long deadline = System.currentTimeMillis() + 10_000;
        while (confirmed < injected) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new IllegalStateException("fakesmsc did not send message " + injected);
            }
            wait(left);
        }
    }

    private void read(Process process) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher m = GOT.matcher(line);
                if (m.find()) {
                    received(m.group(1), m.group(2), m.group(3), m.group(4));
                }
                Matcher sent = SENT.matcher(line);
                if (sent.find()) {
                    confirm(Integer.parseInt(sent.group(1)));
                }
            }
        } catch (IOException e) {
            // fakesmsc stopped
        }
    }

    private synchronized void confirm(int count) {
        confirmed = count;
        notifyAll();
    }

    private synchronized void received(String from, String to, String type, String rest) {
        switch (type) {
            case "text" -> singles.add(new Mt(from, to, rest));
            case "ucs2", "ucs-2" -> singles.add(new Mt(from, to, new String(unquote(rest), StandardCharsets.UTF_16BE)));
            case "udh" -> {
                String[] f = rest.split(" ", 3);
                byte[] udh = unquote(f[0]);
                // 05 00 03 ref total seq
                parts.add(new Part(from, to, udh[3] & 0xff, udh[4] & 0xff, udh[5] & 0xff, unquote(f[2])));
            }
            default -> singles.add(new Mt(from, to, type + " " + rest));
        }
    }

    /** fakesmsc prints data URL-encoded, with '+' for a 0x20 byte. */
    private static byte[] unquote(String s) {
        return URLDecoder.decode(s, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Every complete reply received so far; concatenated parts are UCS-2 (the shipped short code replies with diacritics). */
    public synchronized List<Mt> replies() {
        List<Mt> all = new ArrayList<>(singles);
        Map<String, TreeMap<Integer, Part>> byMessage = new LinkedHashMap<>();
        for (Part p : parts) {
            byMessage.computeIfAbsent(p.to() + "/" + p.ref() + "/" + p.total(), k -> new TreeMap<>()).put(p.seq(), p);
        }
        for (TreeMap<Integer, Part> message : byMessage.values()) {
            Part first = message.firstEntry().getValue();
            if (message.size() == first.total()) {
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                message.values().forEach(p -> data.writeBytes(p.data()));
                all.add(new Mt(first.from(), first.to(), data.toString(StandardCharsets.UTF_16BE)));
            }
        }
        return all;
    }

    public List<Mt> repliesTo(String number) {
        return replies().stream().filter(m -> m.to().equals(number)).toList();
    }

    /** Raw parts received (for counting the parts of a reply). */
    public synchronized int partsTo(String number) {
        return (int) parts.stream().filter(p -> p.to().equals(number)).count();
    }

    private static String log(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(no " + file + ")";
    }

    @Override
    public void close() throws Exception {
        if (fakesmsc != null) {
            try {
                fakesmsc.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
