package vn.lienthong.gateway.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * STOMP 1.2 over TCP, the frames a stock STOMP client sends (CONNECT, SUBSCRIBE, ACK, DISCONNECT),
 * written out here because the protocol is a few lines of text and no STOMP client library is on
 * the test classpath.
 */
final class StompClient implements AutoCloseable {

    record Frame(String command, Map<String, String> headers, String body) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private StompClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    static StompClient connect(int port, String login, String passcode) throws IOException {
        StompClient client = new StompClient(new Socket("127.0.0.1", port));
        client.send("CONNECT", Map.of("accept-version", "1.2", "host", "127.0.0.1", "login", login, "passcode", passcode));
        Frame connected = client.read();
        if (!"CONNECTED".equals(connected.command())) {
            throw new IOException("STOMP connect refused: " + connected);
        }
        return client;
    }

    /** Subscribes with client acknowledgement, takes one message and acknowledges it. */
    Frame receiveOne(String destination, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        send("SUBSCRIBE", Map.of("id", "1", "destination", destination, "ack", "client-individual"));
        Frame message = read();
        if (!"MESSAGE".equals(message.command())) {
            throw new IOException("expected MESSAGE, got " + message);
        }
        send("ACK", Map.of("id", message.headers().getOrDefault("ack", "")));
        return message;
    }

    private void send(String command, Map<String, String> headers) throws IOException {
        StringBuilder frame = new StringBuilder(command).append('\n');
        // STOMP 1.2 escapes ':' and '\\' in header values of every frame but CONNECT
        boolean escape = !"CONNECT".equals(command);
        headers.forEach((k, v) -> frame.append(k).append(':').append(escape ? escape(v) : v).append('\n'));
        frame.append('\n');
        out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.flush();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\c").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String value) {
        return value.replace("\\c", ":").replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\");
    }

    private Frame read() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int b;
        // skip heart-beat newlines between frames
        while ((b = in.read()) == '\n' || b == '\r') {
            // nothing
        }
        while (b != 0 && b != -1) {
            raw.write(b);
            b = in.read();
        }
        String text = raw.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\n\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 2);
        String[] lines = head.split("\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon), unescape(lines[i].substring(colon + 1)));
            }
        }
        return new Frame(lines[0], headers, body);
    }

    @Override
    public void close() throws IOException {
        try {
            send("DISCONNECT", Map.of());
        } finally {
            socket.close();
        }
    }
}
