package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.lienthong.gateway.tracking.PortalWebhooks;

/**
 * The status loop against the packaged gateway, over real HTTP, AMQP and a portal's real webhook
 * endpoint. A portal files a denunciation (province 37: only the inspectorate's filter selects it)
 * and a complaint (province 25: the inspectorate and province 25). Result: the log holds each
 * record's lifecycle; the inspectorate's status reports change the case, province 25's on the
 * denunciation are refused on every door; citizens see status, dates and agency only; the portal
 * gets each change, signed, retried until it answers; the chain verifies, and an altered entry is
 * named. Run on the embedded database ({@code StatusLoopIT}) and on PostgreSQL
 * ({@code StatusLoopPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class StatusLoopContract {

    static final String HANOI_KEY = "demo-portal-hanoi-key";
    static final String OPS_KEY = "demo-ops-key";
    static final int RATE_LIMIT = 40;

    GatewayProcess gateway;
    PortalServer portal;
    String denunciationCode;
    String denunciationId;
    String complaintCode;
    String complaintId;
    byte[] complaintRaw;

    List<String> databaseArgs;

    /** Extra gateway arguments selecting the database (none: the embedded default). */
    protected abstract List<String> databaseArgs() throws Exception;

    @BeforeAll
    void start() throws Exception {
        int portalPort = GatewayProcess.freePort();
        // the portal answers 503 twice before it takes anything
        portal = PortalServer.start(portalPort, 2);
        databaseArgs = databaseArgs();
        List<String> args = new ArrayList<>(databaseArgs);
        args.add("--lienthong.tracking.rate-limit.requests=" + RATE_LIMIT);
        gateway = GatewayProcess.start(Files.createTempDirectory("lienthong-it-data"),
                TestConfigs.withPortalWebhook(PortalServer.url(portalPort)), args);

        Http.Answer d = Http.postJson(api("sources/portal-hanoi/complaints"), HANOI_KEY, Http.fixture("portal/portal-hanoi.denunciation.json"));
        assertThat(d.status()).isEqualTo(202);
        denunciationCode = d.json().path("trackingCode").asText();
        denunciationId = d.json().path("id").asText();
        complaintRaw = ("""
                {"kind":"COMPLAINT","source":{"recordId":"status-loop-1"},"title":"Khiếu nại quyết định thu hồi đất",
                 "body":"Gia đình tôi không đồng ý với quyết định thu hồi đất số 12/QĐ-UBND.",
                 "location":{"provinceCode":"25"},
                 "reporter":{"name":"Phạm Thị Mai","phone":"0987 654 321","email":"mai.pt@example.vn","identityNumber":"025190001234"}}""")
                .getBytes(StandardCharsets.UTF_8);
        Http.Answer c = Http.postJson(api("complaints"), HANOI_KEY, complaintRaw);
        assertThat(c.status()).isEqualTo(202);
        complaintCode = c.json().path("trackingCode").asText();
        complaintId = c.json().path("id").asText();
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (portal != null) {
            portal.close();
        }
    }

    String api(String path) {
        return gateway.baseUrl() + "/api/v1/" + path;
    }

    Http.Answer get(String path, String apiKey) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(api(path))).timeout(Duration.ofSeconds(30)).GET();
        if (apiKey != null) {
            r.header("X-Api-Key", apiKey);
        }
        return Http.send(r.build());
    }

    Http.Answer report(String code, String subscriber, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString((subscriber + ":demo-" + subscriber + "-secret").getBytes(StandardCharsets.UTF_8));
        return Http.send(HttpRequest.newBuilder(URI.create(api("cases/" + code + "/status")))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    List<String> events(String recordId) throws Exception {
        Http.Answer a = get("admin/message-log/records/" + recordId, OPS_KEY);
        if (a.status() != 200) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
        a.json().path("entries").forEach(e -> list.add(e.path("event").asText()
                + (e.path("subscriberId").isTextual() ? ":" + e.path("subscriberId").asText() : "")));
        return list;
    }

    String metrics() throws Exception {
        return Http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/actuator/prometheus")).GET().build()).response().body();
    }

    @Test
    @Order(1)
    void eachRecordsLifecycleIsLoggedAndItsRawInputKept() throws Exception {
        await().atMost(Waits.SIGNAL).until(() -> events(denunciationId).containsAll(List.of("RECEIVED", "PUBLISHED")));
        JsonNode published = get("admin/message-log/records/" + denunciationId, OPS_KEY).json().path("entries").get(1);
        // the inspectorate's feed and its two push deliveries match a denunciation; province-25 does not
        List<String> recipients = new ArrayList<>();
        published.path("details").path("recipients").forEach(r -> recipients.add(r.asText()));
        assertThat(recipients).containsExactlyInAnyOrder("inspectorate", "inspectorate-case-rest", "inspectorate-case-system");

        assertThat(Feeds.drain(gateway, "inspectorate", "lienthong.complaints::inspectorate")).hasSize(2);
        assertThat(Feeds.drain(gateway, "province-25", "lienthong.complaints::province-25")).hasSize(1);
        // FORWARDED once, by whichever recipient took the case first (the feed or a push delivery)
        await().atMost(Waits.SIGNAL).untilAsserted(() -> assertThat(events(denunciationId))
                .contains("RECEIVED", "PUBLISHED", "DELIVERED:inspectorate")
                .filteredOn(e -> e.startsWith("FORWARDED:")).hasSize(1));

        Http.Answer raw = get("admin/message-log/records/" + complaintId + "/raw", OPS_KEY);
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.response().body().getBytes(StandardCharsets.UTF_8)).as("the raw input, byte for byte").isEqualTo(complaintRaw);
        // a denunciation's author is protected (issue 6): its raw input needs an operator's token with
        // identity:read, an operator key never suffices (KeycloakDoorsIT reads it with such a token)
        assertThat(get("admin/message-log/records/" + denunciationId + "/raw", OPS_KEY).status()).isEqualTo(403);
        assertThat(get("admin/message-log/records/" + denunciationId, null).status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aStatusReportOnTheBrokerFromARecipientIsAppliedAndFromAnyoneElseParked() throws Exception {
        try (Connection province = Feeds.connect(gateway, "province-25");
                Connection inspectorate = Feeds.connect(gateway, "inspectorate")) {
            send(province, "{\"trackingCode\":\"" + denunciationCode + "\",\"status\":\"RESOLVED\",\"note\":\"không phải của chúng tôi\"}");
            send(inspectorate, "{\"trackingCode\":\"" + denunciationCode + "\",\"status\":\"ACCEPTED_FOR_HANDLING\","
                    + "\"note\":\"Giao cán bộ Đỗ Văn Hùng xác minh\",\"handlingAgency\":{\"code\":\"000.00.00.H37\",\"name\":\"Thanh tra tỉnh Ninh Bình\"}}");
        }
        await().atMost(Waits.SIGNAL).until(() -> events(denunciationId).contains("STATUS_UPDATED:inspectorate"));
        assertThat(events(denunciationId)).doesNotContain("STATUS_UPDATED:province-25");
        JsonNode tracking = get("tracking/" + denunciationCode, null).json();
        assertThat(tracking.path("status").asText()).isEqualTo("ACCEPTED_FOR_HANDLING");
        assertThat(tracking.path("history").findValuesAsText("status")).doesNotContain("RESOLVED");
        await().atMost(Waits.SIGNAL).untilAsserted(() -> assertThat(metrics())
                .contains("lienthong_status_updates_total{door=\"broker\",outcome=\"refused\"} 1.0")
                .contains("lienthong_broker_queue_messages{queue=\"lienthong.rejected\"} 1.0")
                .contains("lienthong_status_updates_total{door=\"broker\",outcome=\"applied\"} 1.0"));
    }

    static void send(Connection connection, String json) throws Exception {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue("lienthong.status"))) {
            producer.send(session.createTextMessage(json));
        }
    }

    @Test
    @Order(3)
    void aStatusReportByRestFromASubscriberThatDidNotReceiveTheCaseIsRefused() throws Exception {
        Http.Answer refused = report(denunciationCode, "province-25", "{\"status\":\"REJECTED\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asText()).isEqualTo("client.not-a-recipient");

        Http.Answer applied = report(denunciationCode, "inspectorate", """
                {"status":"IN_PROGRESS","note":"Đã làm việc với ông Trần Văn B.","handlingAgency":{"code":"000.00.00.H37","name":"Thanh tra tỉnh Ninh Bình"}}""");
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.json().path("status").asText()).isEqualTo("IN_PROGRESS");

        assertThat(report(complaintCode, "province-25", "{\"status\":\"ACCEPTED_FOR_HANDLING\"}").status())
                .as("province 25 received the complaint located in its province").isEqualTo(200);
        assertThat(report(denunciationCode, "inspectorate", "{\"status\":\"SOLVED\"}").json().path("code").asText())
                .isEqualTo("client.invalid-status-update");
        String wrongPassword = Base64.getEncoder().encodeToString("inspectorate:guess".getBytes(StandardCharsets.UTF_8));
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(api("cases/" + denunciationCode + "/status")))
                .header("Authorization", "Basic " + wrongPassword).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"RESOLVED\"}")).build()).status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void citizensSeeStatusDatesAndAgencyOnly() throws Exception {
        Http.Answer a = get("tracking/" + complaintCode.toLowerCase(), null);
        assertThat(a.status()).isEqualTo(200);
        JsonNode json = a.json();
        assertThat(fieldNames(json)).containsExactly("trackingCode", "status", "statusText", "acceptedAt", "updatedAt", "history");
        assertThat(json.path("trackingCode").asText()).isEqualTo(complaintCode);
        assertThat(json.path("status").asText()).isEqualTo("ACCEPTED_FOR_HANDLING");
        assertThat(json.path("statusText").asText()).isEqualTo("Đã thụ lý");
        assertThat(json.path("acceptedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+\\+07:00");
        assertThat(json.path("updatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+\\+07:00");
        for (JsonNode step : json.path("history")) {
            assertThat(fieldNames(step)).isSubsetOf("status", "statusText", "at", "handlingAgency");
        }
        JsonNode denunciation = get("tracking/" + denunciationCode, null).json();
        assertThat(fieldNames(denunciation)).containsExactly("trackingCode", "status", "statusText", "acceptedAt", "updatedAt",
                "handlingAgency", "history");
        assertThat(fieldNames(denunciation.path("handlingAgency"))).containsExactly("code", "name");
        assertThat(denunciation.path("handlingAgency").path("code").asText()).isEqualTo("000.00.00.H37");

        String everything = json.toString() + denunciation;
        for (String personal : List.of("Phạm Thị Mai", "987654321", "987 654 321", "mai.pt@example.vn", "025190001234", "thu hồi đất",
                "Lê Văn Cường", "912345678", "036088004321", "Trần Văn B", "Đỗ Văn Hùng", "inspectorate", "province-25",
                "portal-hanoi", denunciationId, "HN-TC-2026-000087", "status-loop-1")) {
            assertThat(everything).as("nothing personal, no content, no party").doesNotContain(personal);
        }
        assertThat(a.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    @Order(5)
    void unknownAndMalformedCodesGetTheSameAnswer() throws Exception {
        String valid = complaintCode;
        String unknownButWellFormed = valid.substring(0, 2) + "ZZZZZZZZ";
        unknownButWellFormed += checkCharacterFor(unknownButWellFormed);
        Http.Answer unknown = get("tracking/" + unknownButWellFormed, null);
        Http.Answer malformed = get("tracking/not-a-code", null);
        Http.Answer badCheck = get("tracking/" + valid.substring(0, 10) + (valid.endsWith("2") ? "3" : "2"), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(List.of(malformed, badCheck)).allSatisfy(other -> {
            assertThat(other.status()).isEqualTo(unknown.status());
            assertThat(other.response().body()).isEqualTo(unknown.response().body());
        });
    }

    /** Any check character that makes the code well-formed. */
    static String checkCharacterFor(String body) {
        for (char c : "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray()) {
            if (vn.lienthong.gateway.record.TrackingCodes.parse(body + c).isPresent()) {
                return String.valueOf(c);
            }
        }
        throw new IllegalStateException();
    }

    @Test
    @Order(6)
    void thePortalGetsEveryChangeSignedAndRetriedUntilItAnswers() throws Exception {
        await().atMost(Waits.SIGNAL).until(() -> portal.calls().stream().filter(c -> c.answered() == 200)
                .map(c -> json(c.body()).path("status").asText() + ":" + json(c.body()).path("trackingCode").asText())
                .collect(Collectors.toSet()).containsAll(List.of("FORWARDED:" + denunciationCode, "ACCEPTED_FOR_HANDLING:" + denunciationCode,
                        "IN_PROGRESS:" + denunciationCode, "ACCEPTED_FOR_HANDLING:" + complaintCode)));
        List<PortalServer.Call> calls = portal.calls();
        assertThat(calls.subList(0, 2)).extracting(PortalServer.Call::answered).containsExactly(503, 503);
        assertThat(calls.get(2).deliveryId()).as("the first change, retried until answered").isEqualTo(calls.get(0).deliveryId());
        for (PortalServer.Call call : calls) {
            assertThat(call.event()).isEqualTo("case.status-changed");
            Map<String, String> signature = java.util.Arrays.stream(call.signature().split(","))
                    .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
            assertThat(signature.get("v1")).as("HMAC-SHA256 of t.body under the shared secret")
                    .isEqualTo(PortalWebhooks.sign(TestConfigs.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                            Long.parseLong(signature.get("t")), call.body()));
        }
        JsonNode change = calls.stream().map(c -> json(c.body()))
                .filter(j -> j.path("status").asText().equals("IN_PROGRESS")).findFirst().orElseThrow();
        assertThat(change.path("sourceRecordId").asText()).isEqualTo("HN-TC-2026-000087");
        assertThat(change.path("handlingAgency").path("code").asText()).isEqualTo("000.00.00.H37");
        assertThat(change.toString()).doesNotContain("Trần Văn B").doesNotContain("Lê Văn Cường");
    }

    @Test
    @Order(7)
    void portalsPullTheChangesOfTheirOwnRecordsOnly() throws Exception {
        JsonNode page = get("sources/portal-hanoi/status-changes?limit=2", HANOI_KEY).json();
        assertThat(page.path("changes")).hasSize(2);
        long next = page.path("next").asLong();
        JsonNode rest = get("sources/portal-hanoi/status-changes?after=" + next, HANOI_KEY).json();
        List<String> all = new ArrayList<>(page.path("changes").findValuesAsText("status"));
        all.addAll(rest.path("changes").findValuesAsText("status"));
        assertThat(all).contains("FORWARDED", "ACCEPTED_FOR_HANDLING", "IN_PROGRESS").doesNotContain("RECEIVED");
        assertThat(get("sources/portal-hanoi/status-changes", "demo-dvc-province-key").status()).isEqualTo(403);
        assertThat(get("sources/dvc-province/status-changes", "demo-dvc-province-key").json().path("changes")).isEmpty();
    }

    @Test
    @Order(8)
    void operatorsSeeFiguresBySourceStatusSubscriberAndProvince() throws Exception {
        assertThat(get("admin/figures", null).status()).isEqualTo(401);
        JsonNode figures = get("admin/figures", OPS_KEY).json();
        JsonNode cases = figures.path("cases");
        assertThat(cases.path("total").asLong()).isEqualTo(2);
        assertThat(cases.path("bySource").path("portal-hanoi").asLong()).isEqualTo(2);
        assertThat(cases.path("byStatus").path("IN_PROGRESS").asLong()).isEqualTo(1);
        assertThat(cases.path("byStatus").path("ACCEPTED_FOR_HANDLING").asLong()).isEqualTo(1);
        assertThat(cases.path("byProvince").path("25").asLong()).isEqualTo(1);
        assertThat(cases.path("bySubscriber").path("inspectorate").path("received").asLong()).isEqualTo(2);
        assertThat(cases.path("bySubscriber").path("inspectorate").path("delivered").asLong()).isEqualTo(2);
        assertThat(cases.path("bySubscriber").path("province-25").path("received").asLong()).isEqualTo(1);
        assertThat(figures.path("firstHandlingByAgency").findValuesAsText("agencyCode")).contains("000.00.00.H37");
        // the gauge reads a snapshot at most 15 s old
        await().atMost(Waits.SIGNAL).untilAsserted(() -> assertThat(metrics()).contains("lienthong_cases{status=\"IN_PROGRESS\"} 1.0"));
    }

    @Test
    @Order(9)
    void lookupsArePacedPerClientAddress() throws Exception {
        Http.Answer last = null;
        for (int i = 0; i <= RATE_LIMIT; i++) {
            last = get("tracking/" + complaintCode, null);
            if (last.status() == 429) {
                break;
            }
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().path("code").asText()).isEqualTo("client.rate-limited");
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    @Order(10)
    void theChainVerifiesAndAnAlteredEntryIsNamed() throws Exception {
        Http.Answer online = get("admin/message-log/verification", OPS_KEY);
        assertThat(online.json().path("intact").asBoolean()).as(online.json().toString()).isTrue();
        gateway.stop();
        List<String> args = new ArrayList<>(List.of("verify-log", "--lienthong.data-dir=" + gateway.dataDir(),
                "--lienthong.config-dir=" + GatewayProcess.configDir()));
        args.addAll(databaseArgs);
        GatewayProcess.CommandResult ok = GatewayProcess.command(args.toArray(String[]::new));
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("OK: every entry matches");

        // one byte of the third entry's details: the command names that entry
        long seq = 3;
        String original = LogStoreAccess.entryColumn(gateway.dataDir(), databaseArgs, seq, "details");
        int middle = original.length() / 2;
        String altered = original.substring(0, middle) + (original.charAt(middle) == 'a' ? 'b' : 'a') + original.substring(middle + 1);
        assertThat(altered).isNotEqualTo(original);
        LogStoreAccess.setEntryColumn(gateway.dataDir(), databaseArgs, seq, "details", altered);
        GatewayProcess.CommandResult bad = GatewayProcess.command(args.toArray(String[]::new));
        LogStoreAccess.setEntryColumn(gateway.dataDir(), databaseArgs, seq, "details", original);
        assertThat(bad.exitCode()).as(bad.output()).isEqualTo(3);
        assertThat(bad.output()).contains("MISMATCH at entry " + seq + " (");
        assertThat(GatewayProcess.command(args.toArray(String[]::new)).exitCode()).isZero();
    }

    static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> list = new ArrayList<>();
        node.fieldNames().forEachRemaining(list::add);
        return list;
    }
}
