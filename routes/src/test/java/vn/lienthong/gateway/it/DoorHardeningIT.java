package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The doors of the packaged gateway, attacked from outside as the hardening campaign did. Each test
 * is one attack. Client sends … Result: …
 * <ul>
 * <li>headers a response must never carry (its own {@code Authorization}, {@code X-Api-Key}, cookies,
 * {@code Set-Cookie: injected=1}, {@code Access-Control-Allow-Origin: *}) to every door → none comes back;</li>
 * <li>two WS-Security tokens → refused ({@code client.unauthenticated});</li>
 * <li>an {@code operationName} HTTP header, or a {@code SOAPAction} naming no operation → ignored, or a client fault;</li>
 * <li>1 GiB with no credentials, declared or chunked, on every Camel door → 413 before the gateway reads it;</li>
 * <li>wrong passwords and keys over and over → 429 with {@code Retry-After}, per principal and per address,
 * while a credential already verified keeps working;</li>
 * <li>an API key in the URL, duplicate JSON keys, a batch of 100,000 bad items, malformed admin
 * parameters, a status report dated 1970 → each refused with its code.</li>
 * </ul>
 * The throttling tests call from their own loopback addresses (127.0.0.x), so the per-address count of
 * one test does not touch the others.
 */
class DoorHardeningIT {

    static final List<String> NEVER_ECHOED = List.of("x-api-key", "authorization", "cookie", "set-cookie",
            "access-control-allow-origin", "x-evil", "x-gateway-secret", "operationname", "soapaction", "host", "user-agent");

    static GatewayProcess gateway;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayProcess.start();
        base = gateway.baseUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    static byte[] example(String name) throws IOException {
        return Files.readAllBytes(Path.of("../schemas/v1/examples", name));
    }

    /** A request carrying every header an answer must not echo; the credentials given are added. */
    static HttpRequest.Builder hostile(String path, Map<String, String> credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Set-Cookie", "injected=1")
                .header("Access-Control-Allow-Origin", "*")
                .header("Cookie", "session=stolen")
                .header("X-Evil", "1");
        credentials.forEach(request::header);
        return request;
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void assertNoEcho(HttpResponse<String> response) {
        List<String> names = response.headers().map().keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        assertThat(names).as("response headers of %s (%d)", response.uri(), response.statusCode()).doesNotContainAnyElementsOf(NEVER_ECHOED);
        assertThat(response.headers().map().values().stream().flatMap(List::stream))
                .as("header values of %s", response.uri())
                .noneMatch(v -> v.contains("injected") || v.contains("stolen") || v.contains("demo-portal-hanoi-key"));
    }

    // ---- item: no door's answer carries a request header ------------------------------------------

    @Test
    void soapIntakeAnswerEchoedTheRequestsHeaders() throws Exception {
        HttpResponse<String> accepted = send(hostile("/services/complaint-intake", Map.of("X-Api-Key", "demo-portal-hanoi-key"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(example("submit-complaint.soap11.xml"))).build());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("<trackingCode>");
        assertNoEcho(accepted);

        // a fault raised inside the route: the record names portal-hanoi, the key is dvc-province's
        HttpResponse<String> fault = send(hostile("/services/complaint-intake", Map.of("X-Api-Key", "demo-dvc-province-key"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(example("submit-complaint.soap11.xml"))).build());
        assertThat(fault.body()).contains("Fault>");
        assertNoEcho(fault);
    }

    @Test
    void soapStatusAnswerEchoedTheRequestsHeaders() throws Exception {
        // an unknown tracking code: a fault raised inside the route, after authentication
        HttpResponse<String> fault = send(hostile("/services/case-status", Map.of("Authorization", "Bearer not-a-token-but-echoed"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(example("report-status.soap11.xml"))).build());
        assertThat(fault.body()).contains("Fault>");
        assertNoEcho(fault);
        assertThat(fault.headers().map().values().stream().flatMap(List::stream)).noneMatch(v -> v.contains("not-a-token"));

        String report = new String(example("report-status.soap11.xml"), StandardCharsets.UTF_8);
        HttpResponse<String> unknownCase = send(hostile("/services/case-status", Map.of())
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(report)).build());
        assertThat(unknownCase.body()).contains("client.unknown-case");
        assertNoEcho(unknownCase);
    }

    @Test
    void noHttpDoorEchoesTheRequestsHeaders() throws Exception {
        String secret = "demo-sms-8079-secret";
        String basic = "Basic " + Base64.getEncoder().encodeToString("inspectorate:demo-inspectorate-secret".getBytes(StandardCharsets.UTF_8));
        List<HttpRequest> requests = List.of(
                hostile("/api/v1/complaints", Map.of("X-Api-Key", "demo-portal-hanoi-key")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(example("complaint.example.json"))).build(),
                hostile("/api/v1/complaints", Map.of()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                hostile("/api/v1/tracking/ABCDEFGHJK2", Map.of()).GET().build(),
                hostile("/api/v1/cases/ABCDEFGHJK2/status", Map.of("Authorization", basic)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"TRANSFERRED\"}")).build(),
                hostile("/api/v1/admin/message-log/verification", Map.of("X-Api-Key", "demo-ops-key")).GET().build(),
                hostile("/api/v1/admin/figures", Map.of()).GET().build(),
                hostile("/sms/kannel/sms-8079?from=%2B84912000901&to=8079&text=TRACUU%20ABCDEFGHJK2&id=door-it-1",
                        Map.of("X-Gateway-Secret", secret)).GET().build(),
                hostile("/sms/kannel/sms-8079?from=%2B84912000901&to=8079&text=x", Map.of()).GET().build());
        for (HttpRequest request : requests) {
            assertNoEcho(send(request));
        }
        // what a door sets on purpose still goes out: Kannel needs X-Kannel-Coding to send a Vietnamese reply as UCS-2
        HttpResponse<String> reply = send(hostile("/sms/kannel/sms-8079?from=%2B84912000902&to=8079&text=TRACUU%20ABCDEFGHJK4&id=door-it-2",
                Map.of("X-Gateway-Secret", secret)).GET().build());
        assertThat(reply.body()).isNotBlank();
        if (!reply.body().chars().allMatch(c -> c < 128)) {
            assertThat(reply.headers().firstValue("X-Kannel-Coding")).hasValue("2");
        }
    }

    // ---- item: one credential per SOAP request -----------------------------------------------------

    @Test
    void twoWsSecurityTokensWereAcceptedAndOnlyTheLastRead() throws Exception {
        String report = new String(example("report-status.soap11.xml"), StandardCharsets.UTF_8);
        String unsignedFirst = """
                <wsse:BinarySecurityToken xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" \
                ValueType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3">TUlJQg==</wsse:BinarySecurityToken>""";
        String twoTokens = report.replace("<wsse:UsernameToken>", unsignedFirst + "<wsse:UsernameToken>");
        Soap.Answer answer = Soap.post11(base + "/services/case-status", null, twoTokens);
        assertThat(answer.faultCode()).isEqualTo("client.unauthenticated");
        assertThat(answer.body()).contains("one credential");
    }

    // ---- item: headers and SOAPAction that chose or broke the operation ----------------------------

    @Test
    void operationNameHeaderChoseTheOperation() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/services/complaint-intake"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("X-Api-Key", "demo-portal-hanoi-key")
                .header("operationName", "SubmitServiceRecord")
                .header("OperationNamespace", "urn:evil")
                .POST(HttpRequest.BodyPublishers.ofByteArray(example("submit-complaint.soap11.xml"))).build());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("SubmitComplaintResponse");
    }

    @Test
    void soapActionNamingNoOperationWasAServerError() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/services/complaint-intake"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("X-Api-Key", "demo-portal-hanoi-key")
                .header("SOAPAction", "\"urn:evil\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(example("submit-complaint.soap11.xml"))).build());
        Soap.Answer fault = new Soap.Answer(answer.statusCode(), answer.body(), 0);
        assertThat(fault.faultCode()).isEqualTo("client.malformed-xml");
        assertThat(answer.body()).contains("faultcode>soap:Client<");
    }

    // ---- item: body limits before authentication ---------------------------------------------------

    @Test
    void aGigabyteUnauthenticatedPostWasReadWholeIntoMemory() throws Exception {
        for (String path : List.of("/api/v1/complaints", "/api/v1/sources/portal-hanoi/complaints", "/sms/kannel/sms-8079",
                "/api/v1/cases/ABCDEFGHJK2/status", "/api/v1/admin/dead-letters/replay")) {
            for (boolean chunked : List.of(false, true)) {
                Raw answer = hugePost(path, chunked);
                assertThat(answer.status()).as("%s %s", path, chunked ? "chunked" : "Content-Length: 1 GiB").isEqualTo(413);
                assertThat(answer.sentBytes()).as("bytes the client could send to %s before the answer", path).isLessThan(64L << 20);
            }
        }
        assertThat(gateway.isAlive()).isTrue();
        assertThat(gateway.logText()).doesNotContain("OutOfMemoryError");
    }

    // ---- item: failed logins throttled, good credentials verified once -----------------------------

    @Test
    void wrongPasswordsWereCheckedUnthrottled() throws Exception {
        String good = basic("inspectorate-case-system", "demo-inspectorate-case-system-secret");
        String wrong = basic("inspectorate-case-system", "guess");
        // the case system's own client, verified before the attack (the case is unknown: 404, not 401)
        assertThat(statusReport("127.0.0.21", good).status()).isEqualTo(404);

        // someone guessing its password from other addresses
        for (int i = 0; i < 10; i++) {
            assertThat(statusReport("127.0.0." + (30 + i), wrong).status()).isEqualTo(401);
        }
        Raw throttled = statusReport("127.0.0.41", wrong);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("retry-after")).matches("[0-9]+");
        assertThat(throttled.body()).contains("client.rate-limited");

        // the verified credential keeps working; its password is not checked again
        assertThat(statusReport("127.0.0.21", good).status()).isEqualTo(404);
    }

    @Test
    void wrongUsernameTokenPasswordsWereCheckedUnthrottled() throws Exception {
        String report = new String(example("report-status.soap11.xml"), StandardCharsets.UTF_8);
        byte[] good = report.getBytes(StandardCharsets.UTF_8);
        byte[] wrong = report.replace("demo-inspectorate-case-system-secret", "guess").getBytes(StandardCharsets.UTF_8);
        // verified before the attack: the case is unknown, a fault after authentication
        assertThat(soap("127.0.0.61", good).body()).contains("client.unknown-case");
        for (int i = 0; i < 10; i++) {
            assertThat(soap("127.0.0." + (70 + i), wrong).body()).contains("client.unauthenticated");
        }
        Raw throttled = soap("127.0.0.81", wrong);
        assertThat(throttled.body()).contains("client.rate-limited");
        assertThat(throttled.header("retry-after")).matches("[0-9]+");
        assertThat(soap("127.0.0.61", good).body()).contains("client.unknown-case");
    }

    static Raw soap(String from, byte[] envelope) throws IOException {
        return post(from, "/services/case-status", "Content-Type: text/xml; charset=UTF-8", envelope);
    }

    @Test
    void wrongKeysFromOneAddressWereCheckedUnthrottled() throws Exception {
        String from = "127.0.0.51";
        byte[] body = example("complaint.example.json");
        assertThat(post(from, "/api/v1/complaints", "X-Api-Key: demo-portal-hanoi-key", body).status()).isIn(202, 200);
        for (int i = 0; i < 20; i++) {
            assertThat(post(from, "/api/v1/complaints", "X-Api-Key: guess-" + i, body).status()).isEqualTo(401);
        }
        Raw throttled = post(from, "/api/v1/complaints", "X-Api-Key: guess-21", body);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("retry-after")).matches("[0-9]+");
        // the same address with the key it used before: a portal behind the guesser's NAT keeps working
        assertThat(post(from, "/api/v1/complaints", "X-Api-Key: demo-portal-hanoi-key", body).status()).isIn(202, 200);
        // another address is not affected
        assertThat(post("127.0.0.52", "/api/v1/complaints", "X-Api-Key: guess-x", body).status()).isEqualTo(401);
    }

    // ---- item: smaller refusals --------------------------------------------------------------------

    @Test
    void apiKeyInTheUrlWasAcceptedAndLogged() throws Exception {
        for (String url : List.of("/api/v1/complaints?X-Api-Key=demo-portal-hanoi-key", "/api/v1/complaints?api_key=demo-portal-hanoi-key",
                "/services/complaint-intake?x-api-key=demo-portal-hanoi-key", "/api/v1/tracking/ABCDEFGHJK2?access_token=x")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + url)).header("Content-Type", "application/json");
            HttpResponse<String> answer = send(url.contains("tracking") ? request.GET().build()
                    : request.POST(HttpRequest.BodyPublishers.ofByteArray(example("complaint.example.json"))).build());
            assertThat(answer.statusCode()).as(url).isEqualTo(400);
            assertThat(answer.body()).as(url).contains("client.credentials-in-url");
        }
    }

    @Test
    void duplicateJsonKeysLastOneWon() throws Exception {
        String record = new String(example("complaint.example.json"), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"source\": {\"sourceId\": \"dvc-province\", \"recordId\": \"dup-first\", \"channel\": \"PORTAL_REST\"},");
        Http.Answer answer = Http.postJson(base + "/api/v1/complaints", "demo-portal-hanoi-key", record.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("client.malformed-json");
        assertThat(answer.json().path("violations").get(0).path("code").asText()).isEqualTo("json.duplicate-key");
    }

    @Test
    void aHundredThousandBadItemsMadeA31MbProblemAfter12Seconds() throws Exception {
        String hundredThousand = "[" + String.join(",", java.util.Collections.nCopies(100_000, "1")) + "]";
        long start = System.nanoTime();
        Http.Answer huge = Http.postJson(base + "/api/v1/sources/portal-hanoi/complaints", "demo-portal-hanoi-key",
                hundredThousand.getBytes(StandardCharsets.US_ASCII));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().path("detail").asText()).contains("at most 1000");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        String thousand = "[" + String.join(",", java.util.Collections.nCopies(1_000, "1")) + "]";
        Http.Answer bad = Http.postJson(base + "/api/v1/sources/portal-hanoi/complaints", "demo-portal-hanoi-key",
                thousand.getBytes(StandardCharsets.US_ASCII));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("violations").size()).isEqualTo(100);
        assertThat(bad.json().path("detail").asText()).contains("omitted");
        assertThat(bad.response().body().length()).isLessThan(64 * 1024);
    }

    @Test
    void adminQueryParametersGotTheWrongCodes() throws Exception {
        for (String path : List.of("/api/v1/admin/figures?since=yesterday", "/api/v1/admin/message-log/records/not-a-uuid",
                "/api/v1/admin/message-log/records/not-a-uuid/raw")) {
            Http.Answer answer = Http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Api-Key", "demo-ops-key").GET().build());
            assertThat(answer.json().path("code").asText()).as(path).isEqualTo("client.bad-request");
        }
    }

    @Test
    void aStatusReportDatedIn1970WasAccepted() throws Exception {
        byte[] complaint = """
                {"kind":"COMPLAINT","source":{"recordId":"door-it-1970"},"title":"Khiếu nại quyết định thu hồi đất",
                 "body":"Gia đình tôi không đồng ý với quyết định thu hồi đất số 12/QĐ-UBND.","location":{"provinceCode":"25"},
                 "reporter":{"name":"Phạm Thị Mai","phone":"0987 654 321"}}""".getBytes(StandardCharsets.UTF_8);
        Http.Answer accepted = Http.postJson(base + "/api/v1/complaints", "demo-portal-hanoi-key", complaint);
        assertThat(accepted.status()).isEqualTo(202);
        String code = accepted.json().path("trackingCode").asText();
        String auth = basic("inspectorate", "demo-inspectorate-secret");
        java.util.concurrent.atomic.AtomicReference<Http.Answer> answer = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            answer.set(Http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + code + "/status"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"IN_PROGRESS\",\"reportedAt\":\"1970-01-01T00:00:00Z\"}")).build()));
            return answer.get().status() != 404 && answer.get().status() != 403;
        });
        assertThat(answer.get().status()).isEqualTo(400);
        assertThat(answer.get().json().path("code").asText()).isEqualTo("client.invalid-status-update");
        assertThat(answer.get().json().path("violations").get(0).path("code").asText()).isEqualTo("status.range");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Raw statusReport(String from, String authorization) throws IOException {
        return post(from, "/api/v1/cases/ABCDEFGHJK3/status", "Authorization: " + authorization,
                "{\"status\":\"TRANSFERRED\",\"reportedAt\":\"2026-03-21T09:00:00+07:00\"}".getBytes(StandardCharsets.UTF_8));
    }

    // ---- raw HTTP: a chosen client address, a body the gateway must not wait for --------------------

    record Raw(int status, String head, String body, long sentBytes) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    static int port() {
        return URI.create(base).getPort();
    }

    static Raw post(String from, String path, String credentialHeader, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String type = credentialHeader.regionMatches(true, 0, "Content-Type:", 0, 13) ? "" : "Content-Type: application/json\r\n";
            out.write(("POST " + path + " HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n" + type
                    + credentialHeader + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream(), body.length);
        }
    }

    /** POSTs 1 GiB of spaces without credentials, stopping as soon as an answer arrives. */
    static Raw hugePost(String path, boolean chunked) throws Exception {
        long total = 1L << 30;
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + total + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            AtomicBoolean answered = new AtomicBoolean();
            long[] sent = {0};
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, (byte) ' ');
                byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                try {
                    while (sent[0] < total && !answered.get()) {
                        if (chunked) {
                            out.write(chunkHead);
                        }
                        out.write(block);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        }
                        sent[0] += block.length;
                    }
                } catch (IOException e) {
                    // the gateway closed the connection after answering: what the test expects
                }
            });
            Raw answer = read(in, -1);
            answered.set(true);
            writer.join(10_000);
            return new Raw(answer.status(), answer.head(), answer.body(), sent[0]);
        }
    }

    private static Raw read(InputStream in, long sent) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        if (headText.isEmpty()) {
            return new Raw(-1, "", "", sent);
        }
        int status = Integer.parseInt(headText.split(" ", 3)[1].strip());
        Raw partial = new Raw(status, headText, "", sent);
        String length = partial.header("content-length");
        byte[] body;
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else if ("chunked".equalsIgnoreCase(partial.header("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                StringBuilder line = new StringBuilder();
                while ((b = in.read()) != -1 && b != '\n') {
                    if (b != '\r') {
                        line.append((char) b);
                    }
                }
                int size = Integer.parseInt(line.toString().strip(), 16);
                if (size == 0) {
                    break;
                }
                all.write(in.readNBytes(size));
                in.readNBytes(2);
            }
            body = all.toByteArray();
        } else {
            body = new byte[0];
        }
        return new Raw(status, headText, new String(body, StandardCharsets.UTF_8), sent);
    }
}
