package vn.lienthong.gateway.it;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienthong.gateway.bench.KannelBoxes;
import vn.lienthong.gateway.normalize.PhoneNumbers;

/**
 * A real Kannel 1.4 (Debian {@code kannel}, {@code kannel-extras}) on free loopback ports: bearerbox,
 * smsbox and fakesmsc as the SMSC, configured from the project's own
 * {@code gateway-config/kannel/kannel.conf} ({@link KannelBoxes}). Messages are typed into fakesmsc's
 * interactive mode; the replies it receives are collected from its output and concatenated parts
 * joined again.
 */
public final class KannelRig implements AutoCloseable {

    private static final Pattern GOT = Pattern.compile("Got message \\d+: <(\\S+) (\\S+) (\\S+) (.*)>\\s*$");
    private static final Pattern SENT = Pattern.compile("fakesmsc: sent message (\\d+)");

    /** A reply as the phone sees it. */
    public record Mt(String from, String to, String text) {
    }

    private record Part(String from, String to, int ref, int total, int seq, byte[] data) {
    }

    private final KannelBoxes boxes;
    private final List<Mt> singles = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private Process fakesmscProcess;
    private BufferedWriter fakesmsc;
    private int injected;
    private int confirmed;

    private KannelRig(KannelBoxes boxes) {
        this.boxes = boxes;
    }

    /** Ports chosen, nothing started: the gateway needs the sendsms URL before Kannel needs the gateway. */
    /** bearerbox, smsbox and fakesmsc, registered so that none outlives the test JVM. */
    private List<ProcessHandle> tracked = List.of();

    public static KannelRig prepare() throws IOException {
        return new KannelRig(new KannelBoxes(GatewayProcess.configDir().resolve("kannel/kannel.conf"),
                Files.createTempDirectory("lienthong-kannel")));
    }

    public String sendsmsUrl() {
        return boxes.sendsmsUrl();
    }

    /**
     * Starts bearerbox, smsbox and fakesmsc with the example configuration pointing at {@code gatewayBase}.
     *
     * @param smsbox settings of the smsbox group to change (e.g. {@code http-request-retry})
     */
    public KannelRig start(String gatewayBase, Map<String, String> smsbox) throws Exception {
        boxes.start(gatewayBase, smsbox);
        fakesmscProcess = boxes.fakesmsc(ProcessBuilder.Redirect.PIPE, "-i", "0");
        fakesmsc = new BufferedWriter(new OutputStreamWriter(fakesmscProcess.getOutputStream(), StandardCharsets.US_ASCII));
        Thread reader = new Thread(() -> read(fakesmscProcess), "fakesmsc-output");
        reader.setDaemon(true);
        reader.start();
        tracked = ItProcesses.trackChildren("kannel");
        return this;
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
        long deadline = System.currentTimeMillis() + Waits.SIGNAL.toMillis();
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

    /**
     * Replies to one phone, however its number is written: a reply in the gateway's answer goes to the
     * sender as the SMSC wrote it (0388…, 84388…), one through sendsms to the E.164 form.
     */
    public List<Mt> repliesTo(String number) {
        return replies().stream().filter(m -> samePhone(m.to(), number)).toList();
    }

    /** Raw parts received (for counting the parts of a reply). */
    public synchronized int partsTo(String number) {
        return (int) parts.stream().filter(p -> samePhone(p.to(), number)).count();
    }

    private static boolean samePhone(String a, String b) {
        return a.equals(b) || PhoneNumbers.toE164(a).orElse(a).equals(PhoneNumbers.toE164(b).orElse(b));
    }


    @Override
    public void close() throws Exception {
        if (fakesmsc != null) {
            try {
                fakesmsc.close();
            } catch (IOException ignored) {
                // already gone
            }
            fakesmscProcess.destroy();
        }
        boxes.close();
        tracked.forEach(ItProcesses::untrack);
        try (var files = Files.walk(boxes.dir())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
