package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.lienthong.gateway.it.Feeds.Received;

/**
 * The same record sent by many clients at once, as portals, proxies and Kannel do when they retry
 * a call that is still committing: one {@code ACCEPTED}, the others {@code ALREADY_ACCEPTED} with the
 * same id and code, one copy on each subscriber queue (read with a stock AMQP client); the code is
 * trackable the moment it is answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentDuplicatesIT {

    static final String INSPECTORATE = "lienthong.complaints::inspectorate";
    static final String PROVINCE_25 = "lienthong.complaints::province-25";
    static final String HANOI_KEY = "demo-portal-hanoi-key";

    GatewayProcess gateway;
    ExecutorService pool;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(16)).build();

    @BeforeAll
    void start() throws Exception {
        gateway = GatewayProcess.start();
        pool = Executors.newFixedThreadPool(100);
    }

    @AfterAll
    void stop() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @BeforeEach
    void emptyQueues() throws Exception {
        Feeds.drain(gateway, "inspectorate", INSPECTORATE);
        Feeds.drain(gateway, "province-25", PROVINCE_25);
    }

    /** Sends all at the same moment (each on its own thread, released together). */
    <T> List<T> together(int copies, Callable<T> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(copies);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        ready.await();
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    Http.Answer post(String path, byte[] body) throws Exception {
        return Http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/" + path)).timeout(Duration.ofSeconds(60))
                .header("X-Api-Key", HANOI_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static byte[] nativeDenunciation(String recordId) throws Exception {
        String fixture = new String(Http.fixture("portal/portal-hanoi.denunciation.json"), StandardCharsets.UTF_8);
        return fixture.replace("HN-TC-2026-000087", recordId).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fiftyConcurrentIdenticalNativePostsReachedTheInspectorateSeveralTimes() throws Exception {
        byte[] body = nativeDenunciation("HN-TC-CONC-" + UUID.randomUUID());
        List<Http.Answer> answers = together(50, () -> post("sources/portal-hanoi/complaints", body));
        List<Received> inspectorate = Feeds.drain(gateway, "inspectorate", INSPECTORATE);
        System.out.println("50 concurrent identical native posts: " + inspectorate.size() + " copies on the inspectorate queue, "
                + answers.stream().filter(a -> a.json() != null && "ACCEPTED".equals(a.json().path("status").asText())).count()
                + " answered ACCEPTED");

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(202));
        assertThat(answers).filteredOn(a -> a.json().path("status").asText().equals("ACCEPTED")).hasSize(1);
        assertThat(answers).filteredOn(a -> a.json().path("status").asText().equals("ALREADY_ACCEPTED")).hasSize(49);
        assertThat(answers).extracting(a -> a.json().path("id").asText()).containsOnly(answers.get(0).json().path("id").asText());
        assertThat(answers).extracting(a -> a.json().path("trackingCode").asText())
                .containsOnly(answers.get(0).json().path("trackingCode").asText());
        assertThat(inspectorate).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(answers.get(0).json().path("id").asText()));
    }

    @Test
    void twoConcurrentCanonicalPostsReachedEachSubscriberTwice() throws Exception {
        // a complaint in province 25 goes to two subscribers: one copy each, twenty rounds
        int inspectorateCopies = 0;
        int provinceCopies = 0;
        for (int round = 0; round < 20; round++) {
            byte[] body = ("{\"kind\":\"COMPLAINT\",\"source\":{\"recordId\":\"conc-" + UUID.randomUUID() + "\"},"
                    + "\"title\":\"Khiếu nại\",\"body\":\"Khiếu nại quyết định thu hồi đất.\",\"location\":{\"provinceCode\":\"25\"},"
                    + "\"reporter\":{\"name\":\"Nguyễn Văn A\",\"phone\":\"0912 345 678\"}}").getBytes(StandardCharsets.UTF_8);
            List<Http.Answer> answers = together(2, () -> post("complaints", body));
            assertThat(answers).extracting(a -> a.json().path("status").asText()).containsExactlyInAnyOrder("ACCEPTED", "ALREADY_ACCEPTED");
            inspectorateCopies += Feeds.drain(gateway, "inspectorate", INSPECTORATE).size();
            provinceCopies += Feeds.drain(gateway, "province-25", PROVINCE_25).size();
        }
        System.out.println("20 rounds of 2 concurrent canonical posts: " + inspectorateCopies + " copies on inspectorate, "
                + provinceCopies + " on province-25");
        assertThat(inspectorateCopies).isEqualTo(20);
        assertThat(provinceCopies).isEqualTo(20);
    }

    @Test
    void aTrackingCodeAnsweredIn202WasUnknownForAMoment() throws Exception {
        for (int i = 0; i < 5; i++) {
            Http.Answer answer = post("sources/portal-hanoi/complaints", nativeDenunciation("HN-TC-TRACK-" + UUID.randomUUID()));
            assertThat(answer.status()).isEqualTo(202);
            HttpResponse<String> tracking = get("/api/v1/tracking/" + answer.json().path("trackingCode").asText());
            assertThat(tracking.statusCode()).as(tracking.body()).isEqualTo(200);
            assertThat(tracking.body()).contains("\"status\":\"RECEIVED\"");
        }
    }

    String kannel(String from, String text, String id) {
        return "/sms/kannel/sms-8079?from=" + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&to=8079&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&id=" + id + "&charset=UTF-8&coding=0&secret=demo-sms-8079-secret";
    }

    @Test
    void aHundredConcurrentCopiesOfOneKannelMessageGotTenAcknowledgementsAndARateLimitText() throws Exception {
        String from = "+84912007" + String.format("%03d", (int) (Math.random() * 1000));
        String id = UUID.randomUUID().toString();
        List<HttpResponse<String>> answers = together(100, () -> get(kannel(from, "PA duong lien xa bi hong nang", id)));
        List<String> replies = answers.stream().map(HttpResponse::body).filter(b -> !b.isEmpty()).toList();
        List<Received> records = Feeds.drain(gateway, "province-25", PROVINCE_25).stream()
                .filter(r -> from.equals(r.record().path("reporter").path("phone").asText())).toList();
        System.out.println("100 concurrent copies of one Kannel message: " + records.size() + " record(s), " + replies.size()
                + " reply text(s): " + replies);

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(202));
        assertThat(records).hasSize(1);
        assertThat(replies).singleElement().asString().startsWith("Đã nhận phản ánh của bạn. Mã hồ sơ: "
                + records.get(0).record().path("trackingCode").asText());

        // a new message from the same number right after: the copies did not use up the hourly limit
        HttpResponse<String> next = get(kannel(from, "PA mot tin khac", UUID.randomUUID().toString()));
        assertThat(next.body()).startsWith("Đã nhận phản ánh");
    }

    @Test
    void anSmsAcknowledgementInvitedATracuuThatFoundNothing() throws Exception {
        String from = "+84912008" + String.format("%03d", (int) (Math.random() * 1000));
        HttpResponse<String> ack = get(kannel(from, "PA den duong hong", UUID.randomUUID().toString()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Mã hồ sơ: ([A-Z0-9]{11})\\.").matcher(ack.body());
        assertThat(m.find()).as(ack.body()).isTrue();
        HttpResponse<String> lookup = get(kannel(from, "TRACUU " + m.group(1), UUID.randomUUID().toString()));
        assertThat(lookup.body()).startsWith("Hồ sơ " + m.group(1) + ":");
    }

    @Test
    void theSameKannelIdFromAnotherSenderWasAnsweredWithACodeThatDoesNotExist() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> first = get(kannel("+84912009001", "PA cau bi sap", id));
        HttpResponse<String> other = get(kannel("+84912009002", "KN thu hoi dat khong dung", id));
        assertThat(first.body()).startsWith("Đã nhận phản ánh");
        assertThat(other.body()).startsWith("Đã nhận khiếu nại");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Mã hồ sơ: ([A-Z0-9]{11})\\.").matcher(other.body());
        assertThat(m.find()).isTrue();
        HttpResponse<String> tracking = get("/api/v1/tracking/" + m.group(1));
        assertThat(tracking.statusCode()).as("the code answered exists").isEqualTo(200);
    }
}
