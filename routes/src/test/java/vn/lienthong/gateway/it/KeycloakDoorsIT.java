package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway with a real Keycloak realm (the project's, provisioned by scripts/keycloak.sh): a source,
 * subscribers, operators and the gateway's own outbound calls each with their token.
 * <p>
 * Client sends a token of its own client: accepted (REST, SOAP header and WS-Security), read back by
 * subscribers over AMQP and STOMP with their tokens, operators list dead letters with theirs, and the
 * gateway delivers to a case system with its own token, renewing it once when refused. Client sends
 * a bad token (none, expired, not yet valid, another issuer, another audience, alg none, HS256 with the
 * realm's public key, tampered, unknown key, another source's, a disabled client's after expiry):
 * 401/403 or a broker login failure, and nothing is enqueued or consumed.
 * <p>
 * A denunciation's author reaches no subscriber in clear (only the entitled inspectorate's key opens
 * its copy), nor the citizens' tracking page, the portal's status changes or the gateway's log output;
 * the status loop's and the message log's doors ask for their roles (feed:&lt;id&gt; of a subscriber
 * that received the case, intake:&lt;id&gt; of the portal, ops:admin, and identity:read on top for a
 * protected reporter's raw input).
 */
@ExtendWith(Keycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakDoorsIT {

    static final String EVERYTHING = "it-everything";
    /** A subscriber reading over MQTT with a token (its client is not in the shipped realm: the test signs its tokens). */
    static final String MQTT_READER = "it-mqtt-reader";
    static final ObjectMapper JSON = new ObjectMapper();

    Keycloak.Server keycloak;
    TokenForge forge;
    SimulatorProcess simulator;
    GatewayProcess gateway;
    final List<String> refusedRecordIds = new ArrayList<>();

    @BeforeAll
    void start(Keycloak.Server keycloak) throws Exception {
        this.keycloak = keycloak;
        forge = TokenForge.install(keycloak);
        simulator = SimulatorProcess.start("--simulator.oauth2.issuer=" + keycloak.issuer());
        TestConfig config = TestConfig.copyOfShipped().withEverythingSubscriber(EVERYTHING)
                .with("subscribers/" + MQTT_READER + ".yaml", """
                        id: %s
                        subscriptions: { complaints: {} }
                        auth: { accept: [bearer] }
                        broker: { mqtt: true }
                        delivery: { type: queue }
                        """.formatted(MQTT_READER));
        List<String> args = new ArrayList<>(keycloak.gatewayArgs());
        args.addAll(List.of(
                // a small skew, so the test of an expired client does not wait half a minute
                "--lienthong.oidc.clock-skew=2s",
                // the shipped REST case system: the simulator, with a token of the gateway's own client
                "--INSPECTORATE_URL=" + simulator.url(),
                "--INSPECTORATE_TOKEN_URL=" + keycloak.tokenEndpoint(),
                "--INSPECTORATE_CLIENT_SECRET=demo-lienthong-gateway-client-secret",
                // every refused token below comes from 127.0.0.1: more than the default 20 a minute,
                // after which the door answers 429 (DoorHardeningIT tests that)
                "--lienthong.doors.failed-logins.per-address=1000"));
        gateway = GatewayProcess.start(Files.createTempDirectory("lienthong-it-data"), config.dir(), args);
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    String url(String path) {
        return gateway.baseUrl() + path;
    }

    static byte[] nativeComplaint(String recordId, String kind) throws Exception {
        ObjectNode portal = (ObjectNode) JSON.readTree(Http.fixture("portal/portal-hanoi.complaint.json"));
        portal.put("maPhanAnh", recordId);
        portal.put("loai", kind);
        return JSON.writeValueAsBytes(portal);
    }

    static Http.Answer post(String url, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return Http.send(request.build());
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    // ------------------------------------------------------------------ a source with its token

    @Test
    @Order(1)
    void aSourceSubmitsWithItsOwnToken() throws Exception {
        String token = keycloak.clientToken("portal-hanoi");
        Http.Answer complaint = post(url("/api/v1/sources/portal-hanoi/complaints"), bearer(token), nativeComplaint("KC-OK-1", "KHIEU_NAI"));
        assertThat(complaint.status()).as(complaint.response().body()).isEqualTo(202);
        assertThat(complaint.json().path("status").asText()).isEqualTo("ACCEPTED");

        // SOAP: the token in the HTTP header, and in a WS-Security BinarySecurityToken
        String soapBody = new String(Files.readAllBytes(GatewayProcess.configDir().getParent()
                .resolve("schemas/v1/examples/submit-complaint.soap11.xml")), StandardCharsets.UTF_8);
        HttpRequest.Builder soap = HttpRequest.newBuilder(URI.create(url("/services/complaint-intake")))
                .header("Content-Type", "text/xml; charset=UTF-8").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(soapBody.replace("HN-TC-2026-000091", "KC-SOAP-1")));
        Http.Answer header = Http.send(soap.build());
        assertThat(header.response().body()).contains("<status>ACCEPTED</status>");
        String wsse = soapBody.replace("HN-TC-2026-000091", "KC-SOAP-2").replace("<soapenv:Header/>", """
                <soapenv:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">\
                <wsse:BinarySecurityToken ValueType="urn:ietf:params:oauth:token-type:jwt" \
                EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">%s</wsse:BinarySecurityToken>\
                </wsse:Security></soapenv:Header>""".formatted(java.util.Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.US_ASCII))));
        Soap.Answer inHeader = Soap.post11(url("/services/complaint-intake"), null, wsse);
        assertThat(inHeader.body()).contains("<status>ACCEPTED</status>");
    }

    @Test
    @Order(1)
    void anOpen311SourceFilesWithItsOwnTokenInsteadOfItsApiKey() throws Exception {
        String form = "jurisdiction_id=25&service_code=land&address_string=x%C3%A3+S%C6%A1n+%C4%90%C3%B4ng&description=KC-OPEN311-1";
        HttpRequest.Builder ok = HttpRequest.newBuilder(URI.create(url("/open311/v2/requests.json"))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer " + keycloak.clientToken("open311-phutho"))
                .POST(HttpRequest.BodyPublishers.ofString(form));
        Http.Answer filed = Http.send(ok.build());
        assertThat(filed.status()).as(filed.response().body()).isEqualTo(200);
        assertThat(filed.json().get(0).path("service_request_id").asText()).startsWith("PA");
        // another source's token may not file in this jurisdiction: 403, as the spec answers a bad api_key
        HttpRequest.Builder other = HttpRequest.newBuilder(URI.create(url("/open311/v2/requests.xml"))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer " + keycloak.clientToken("portal-hanoi"))
                .POST(HttpRequest.BodyPublishers.ofString(form.replace("KC-OPEN311-1", "KC-OPEN311-2")));
        Http.Answer refused = Http.send(other.build());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.response().body()).contains("<errors><error><code>403</code>");
    }

    // ------------------------------------------------------------------ the negative matrix at intake

    Stream<Arguments> badCredentials() throws Exception {
        String hanoi = "intake:portal-hanoi";
        String realHanoi = keycloak.clientToken("portal-hanoi");
        Date past = Date.from(Instant.now().minusSeconds(120));
        return Stream.of(
                Arguments.of("no token", Map.of(), 401),
                Arguments.of("expired", bearer(forge.signed(b -> b.expirationTime(past), "portal-hanoi", hanoi)), 401),
                Arguments.of("not yet valid", bearer(forge.signed(b -> b.notBeforeTime(Date.from(Instant.now().plusSeconds(300))),
                        "portal-hanoi", hanoi)), 401),
                Arguments.of("wrong issuer", bearer(forge.signed(b -> b.issuer(keycloak.baseUrl() + "/realms/master"), "portal-hanoi", hanoi)), 401),
                Arguments.of("wrong audience", bearer(forge.signed(b -> b.audience("account"), "portal-hanoi", hanoi)), 401),
                Arguments.of("alg none", bearer(forge.algNone("portal-hanoi", hanoi)), 401),
                Arguments.of("HS256 with the realm's public key", bearer(forge.hs256WithRealmPublicKey("portal-hanoi", hanoi)), 401),
                Arguments.of("payload tampered", bearer(TokenForge.tampered(realHanoi, "service-account-portal-hanoi", "service-account-x")), 401),
                Arguments.of("unknown kid", bearer(forge.unknownKey("portal-hanoi", hanoi)), 401),
                Arguments.of("another source's token", bearer(keycloak.clientToken("dvc-province")), 403),
                Arguments.of("a subscriber's token", bearer(keycloak.clientToken("inspectorate")), 403),
                Arguments.of("an operator's token", bearer(keycloak.operatorToken()), 403),
                Arguments.of("token without the intake role", bearer(forge.signed(b -> { }, "portal-hanoi", "offline_access")), 403),
                Arguments.of("token and API key together", Map.of("Authorization", "Bearer " + realHanoi, "X-Api-Key", "demo-portal-hanoi-key"), 401),
                Arguments.of("Basic instead of Bearer", Map.of("Authorization", "Basic cG9ydGFsLWhhbm9pOng="), 401));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badCredentials")
    @Order(2)
    void badCredentialsAreRefusedAndNothingIsEnqueued(String name, Map<String, String> headers, int status) throws Exception {
        String recordId = "KC-BAD-" + name.replaceAll("[^A-Za-z0-9]+", "-");
        refusedRecordIds.add(recordId);
        Http.Answer answer = post(url("/api/v1/sources/portal-hanoi/complaints"), headers, nativeComplaint(recordId, "TO_CAO"));
        assertThat(answer.status()).as(name + ": " + answer.response().body()).isEqualTo(status);
        assertThat(answer.json().path("code").asText()).isEqualTo(status == 401 ? "client.unauthenticated" : "client.forbidden");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=\"lienthong\"");
        // the same credentials on SOAP
        String soapBody = Files.readString(GatewayProcess.configDir().getParent().resolve("schemas/v1/examples/submit-complaint.soap11.xml"))
                .replace("HN-TC-2026-000091", recordId + "-SOAP");
        refusedRecordIds.add(recordId + "-SOAP");
        HttpRequest.Builder soap = HttpRequest.newBuilder(URI.create(url("/services/complaint-intake")))
                .header("Content-Type", "text/xml; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(soapBody));
        headers.forEach(soap::header);
        Soap.Answer fault = new Soap.Answer(0, Http.send(soap.build()).response().body(), 0);
        // (the example names portal-hanoi as its source: another source's token is a source mismatch there)
        assertThat(fault.faultCode()).as(name).isIn(status == 401 ? List.of("client.unauthenticated")
                : List.of("client.forbidden", "client.source-mismatch"));
    }

    @Test
    @Order(3)
    void nothingRefusedReachedAnyQueue() throws Exception {
        List<Feeds.Received> everything = Feeds.drain(gateway, EVERYTHING, "lienthong.complaints::" + EVERYTHING);
        assertThat(everything).extracting(r -> r.record().path("source").path("recordId").asText())
                .contains("KC-OK-1", "KC-SOAP-1", "KC-SOAP-2")
                .doesNotContainAnyElementsOf(refusedRecordIds);
    }

    // ------------------------------------------------------------------ operators

    @Test
    @Order(4)
    void theAdminApiTakesAnOperatorsToken() throws Exception {
        String list = url("/api/v1/admin/dead-letters");
        assertThat(Http.send(get(list, bearer(keycloak.operatorToken()))).status()).isEqualTo(200);
        assertThat(Http.send(get(list, Map.of("X-Api-Key", "demo-ops-key"))).status()).isEqualTo(200);
        assertThat(Http.send(get(list, Map.of())).status()).isEqualTo(401);
        assertThat(Http.send(get(list, bearer(keycloak.clientToken("portal-hanoi")))).status()).isEqualTo(403);
        assertThat(Http.send(get(list, bearer(forge.signed(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(120))),
                "lienthong-ops", "ops:admin")))).status()).isEqualTo(401);
        assertThat(Http.send(get(list, bearer(forge.signed(b -> { }, "lienthong-ops", "ops:admin")))).status()).isEqualTo(200);
    }

    static HttpRequest get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return request.build();
    }

    // ------------------------------------------------------------------ subscribers on the broker

    @Test
    @Order(5)
    void subscribersReadTheirOwnQueuesWithTheirTokens() throws Exception {
        // AMQP 1.0 (Qpid JMS): the token as the password
        try (Connection amqp = Feeds.connect(gateway.brokerPort(), "inspectorate", keycloak.clientToken("inspectorate"))) {
            List<Feeds.Received> received = Feeds.drain(amqp, "lienthong.complaints::inspectorate", 5_000, 500);
            assertThat(received).extracting(r -> r.record().path("source").path("recordId").asText()).contains("KC-OK-1", "KC-SOAP-1");
        }
        // STOMP: login and the token as passcode
        try (StompClient stomp = StompClient.connect(gateway.brokerPort(), "province-25", keycloak.clientToken("province-25"))) {
            StompClient.Frame frame = stomp.receiveOne("lienthong.complaints::province-25", 5_000);
            assertThat(frame.body()).contains("\"provinceCode\":\"25\"");
        }
        // Core (Artemis JMS): client id and secret, exchanged for a token by the gateway's login module
        ActiveMQConnectionFactory core = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + gateway.brokerPort(),
                "province-25", "demo-province-25-client-secret");
        try (Connection connection = core.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createQueue("lienthong.complaints::province-25")).close();
        }
    }

    Stream<Arguments> badBrokerLogins() throws Exception {
        Date past = Date.from(Instant.now().minusSeconds(120));
        return Stream.of(
                Arguments.of("expired", "inspectorate", forge.signed(b -> b.expirationTime(past), "inspectorate", "feed:inspectorate")),
                Arguments.of("wrong audience", "inspectorate", forge.signed(b -> b.audience("account"), "inspectorate", "feed:inspectorate")),
                Arguments.of("unknown kid", "inspectorate", forge.unknownKey("inspectorate", "feed:inspectorate")),
                Arguments.of("alg none", "inspectorate", forge.algNone("inspectorate", "feed:inspectorate")),
                Arguments.of("tampered", "inspectorate", TokenForge.tampered(keycloak.clientToken("province-25"), "province-25", "inspectorate")),
                Arguments.of("a source's token", "portal-hanoi", keycloak.clientToken("portal-hanoi")),
                Arguments.of("another subscriber's token under my name", "inspectorate", keycloak.clientToken("province-25")),
                Arguments.of("wrong client secret", "inspectorate", "not-the-secret"));
    }

    @ParameterizedTest(name = "broker: {0}")
    @MethodSource("badBrokerLogins")
    @Order(6)
    void badBrokerLoginsAreRefused(String name, String user, String password) {
        assertThatThrownBy(() -> {
            try (Connection c = Feeds.connect(gateway.brokerPort(), user, password)) {
                Session session = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                session.createConsumer(session.createQueue("lienthong.complaints::inspectorate")).receive(200);
            }
        }).as(name).isInstanceOf(JMSException.class);
    }

    @Test
    @Order(7)
    void aSubscriberCannotReadAnotherSubscribersQueue() throws Exception {
        String extra = "KC-CROSS-1";
        assertThat(post(url("/api/v1/sources/portal-hanoi/complaints"), bearer(keycloak.clientToken("portal-hanoi")),
                nativeComplaint(extra, "KHIEU_NAI")).status()).isEqualTo(202);
        try (Connection c = Feeds.connect(gateway.brokerPort(), "province-25", keycloak.clientToken("province-25"))) {
            Session session = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("lienthong.complaints::inspectorate")))
                    .isInstanceOf(JMSSecurityException.class);
        }
        // nothing was consumed: the inspectorate still finds it
        try (Connection c = Feeds.connect(gateway.brokerPort(), "inspectorate", keycloak.clientToken("inspectorate"))) {
            assertThat(Feeds.drain(c, "lienthong.complaints::inspectorate", 5_000, 500))
                    .extracting(r -> r.record().path("source").path("recordId").asText()).contains(extra);
        }
    }

    // ------------------------------------------------------------------ outbound: the gateway's own token

    @Test
    @Order(8)
    void theGatewayDeliversWithItsOwnTokenAndRenewsItOnceWhenRefused() throws Exception {
        Awaitility.await().atMost(Waits.SIGNAL).untilAsserted(() ->
                assertThat(simulator.cases("rest")).extracting(c -> c.path("trackingCode").asText()).isNotEmpty());
        int before = simulator.cases("rest").size();
        simulator.revokeTokens();
        assertThat(post(url("/api/v1/sources/portal-hanoi/complaints"), bearer(keycloak.clientToken("portal-hanoi")),
                nativeComplaint("KC-RENEW-1", "KHIEU_NAI")).status()).isEqualTo(202);
        Awaitility.await().atMost(Waits.SIGNAL).untilAsserted(() ->
                assertThat(simulator.cases("rest")).hasSizeGreaterThan(before));
        assertThat(simulator.tokens().path("refused").asInt()).isEqualTo(1);
        assertThat(simulator.tokens().path("distinctTokens").asInt()).isEqualTo(2);
        assertThat(Http.send(get(url("/api/v1/admin/dead-letters"), Map.of("X-Api-Key", "demo-ops-key"))).json()
                .path("deadLetters")).isEmpty();
    }

    // ------------------------------------------------------------------ a client disabled in the realm

    @Test
    @Order(9)
    void aDisabledClientIsLockedOutOnceItsTokensExpire() throws Exception {
        keycloak.updateClient("dvc-province", c -> c.withObject("attributes").put("access.token.lifespan", "4"));
        keycloak.updateClient("province-25", c -> c.withObject("attributes").put("access.token.lifespan", "4"));
        try {
            String source = keycloak.clientToken("dvc-province");
            String subscriber = keycloak.clientToken("province-25");
            Connection open = Feeds.connect(gateway.brokerPort(), "province-25", subscriber);
            keycloak.updateClient("dvc-province", c -> c.put("enabled", false));
            keycloak.updateClient("province-25", c -> c.put("enabled", false));
            assertThat(keycloak.tokenRequest("dvc-province", "demo-dvc-province-client-secret").status()).isIn(400, 401);

            byte[] dossiers = Http.fixture("service-records/dvc-province.dossiers.json");
            Awaitility.await().atMost(Waits.SIGNAL).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(post(url("/api/v1/sources/dvc-province/service-records"), bearer(source), dossiers).status()).isEqualTo(401));
            // the connection opened with the token is closed once it expires; no new one opens
            Awaitility.await().atMost(Waits.SIGNAL).untilAsserted(() -> assertThatThrownBy(() -> {
                Session session = open.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                session.createConsumer(session.createQueue("lienthong.complaints::province-25")).receive(100);
            }).isInstanceOf(JMSException.class));
            open.close();
            // (Artemis remembers a successful login for up to 10 s: the client secret used a few seconds
            // ago may still open one more connection in that window)
            for (String password : List.of(subscriber, "demo-province-25-client-secret")) {
                Awaitility.await().atMost(Waits.SIGNAL).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThatThrownBy(() -> {
                            try (Connection c = Feeds.connect(gateway.brokerPort(), "province-25", password)) {
                                Session session = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                                session.createConsumer(session.createQueue("lienthong.complaints::province-25")).receive(100);
                            }
                        }).isInstanceOf(JMSException.class));
            }
        } finally {
            for (String client : List.of("dvc-province", "province-25")) {
                keycloak.updateClient(client, c -> {
                    c.put("enabled", true);
                    c.withObject("attributes").remove("access.token.lifespan");
                });
            }
        }
    }

    // ------------------------------------------------------------------ a protected author; the status loop's doors

    static final List<String> AUTHOR = List.of("Lê Văn Cường", "Cường", "912345678", "912 345 678", "036088004321");
    String denunciationId;

    @Test
    @Order(10)
    void aDenunciationsAuthorReachesOnlyTheEntitledAndEveryNewDoorAsksForItsRole() throws Exception {
        byte[] denunciation = Http.fixture("portal/portal-hanoi.denunciation.json");
        Http.Answer accepted = post(url("/api/v1/sources/portal-hanoi/complaints"), bearer(keycloak.clientToken("portal-hanoi")), denunciation);
        assertThat(accepted.status()).as(accepted.response().body()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        denunciationId = id;
        String code = accepted.json().path("trackingCode").asText();

        // every subscriber gets the same record without its author; only the inspectorate's key opens its copy
        JsonNode record = Feeds.drain(gateway, EVERYTHING, "lienthong.complaints::" + EVERYTHING).stream()
                .filter(r -> r.id().equals(id)).findFirst().orElseThrow().record();
        assertThat(AUTHOR).noneMatch(record.toString()::contains);
        JsonNode recipients = record.path("protectedIdentity").path("recipients");
        assertThat(recipients).extracting(r -> r.path("subscriberId").asText()).containsExactly("inspectorate");
        JsonNode identity = JSON.readTree(vn.lienthong.gateway.identity.IdentityCommand.decrypt(recipients.get(0).path("jwe").asText(),
                vn.lienthong.gateway.identity.IdentityKeys.read(GatewayProcess.configDir().getParent()
                        .resolve("docs/examples/demo-keys/inspectorate.identity.private.jwk.json"))));
        assertThat(identity.path("reporter").path("name").asText()).isEqualTo("Lê Văn Cường");

        // citizens: no credentials, no personal data
        Http.Answer tracking = Http.send(get(url("/api/v1/tracking/" + code), Map.of()));
        assertThat(tracking.status()).isEqualTo(200);
        assertThat(AUTHOR).noneMatch(tracking.response().body()::contains);

        // status reports: the subscriber's own token (feed:<id>), and only from a subscriber that received the case
        String report = url("/api/v1/cases/" + code + "/status");
        byte[] accepting = """
                {"status":"ACCEPTED_FOR_HANDLING","handlingAgency":{"code":"000.00.00.H37","name":"Thanh tra tỉnh"}}"""
                .getBytes(StandardCharsets.UTF_8);
        String inspectorate = keycloak.clientToken("inspectorate");
        Awaitility.await().atMost(Waits.SIGNAL).untilAsserted(() ->
                assertThat(post(report, bearer(inspectorate), accepting).status()).isEqualTo(200));
        Http.Answer notARecipient = post(report, bearer(keycloak.clientToken("province-25")), accepting);
        assertThat(notARecipient.status()).isEqualTo(403);
        assertThat(notARecipient.json().path("code").asText()).isEqualTo("client.not-a-recipient");
        assertThat(post(report, Map.of(), accepting).status()).isEqualTo(401);
        assertThat(post(report, bearer(keycloak.clientToken("portal-hanoi")), accepting).status()).as("a source").isEqualTo(403);
        assertThat(post(report, bearer(keycloak.operatorToken()), accepting).status()).as("an operator").isEqualTo(403);
        assertThat(post(report, bearer(forge.signed(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(120))),
                "inspectorate", "feed:inspectorate")), accepting).status()).as("expired").isEqualTo(401);

        // the portal pulls its records' changes with its own token (intake:<id>), another source may not
        String changes = url("/api/v1/sources/portal-hanoi/status-changes");
        Awaitility.await().atMost(Waits.SIGNAL).untilAsserted(() -> {
            Http.Answer pulled = Http.send(get(changes, bearer(keycloak.clientToken("portal-hanoi"))));
            assertThat(pulled.status()).isEqualTo(200);
            assertThat(pulled.json().path("changes")).extracting(c -> c.path("trackingCode").asText()).contains(code);
            assertThat(AUTHOR).noneMatch(pulled.response().body()::contains);
        });
        assertThat(Http.send(get(changes, bearer(keycloak.clientToken("dvc-province")))).status()).isEqualTo(403);
        assertThat(Http.send(get(changes, Map.of())).status()).isEqualTo(401);

        // operators: ops:admin for figures, the log and its verification
        String operator = keycloak.operatorToken();
        for (String path : List.of("/api/v1/admin/figures", "/api/v1/admin/message-log/records/" + id,
                "/api/v1/admin/message-log/verification")) {
            Awaitility.await().atMost(Waits.SIGNAL).untilAsserted(() ->
                    assertThat(Http.send(get(url(path), bearer(operator))).status()).as(path).isEqualTo(200));
            assertThat(Http.send(get(url(path), Map.of())).status()).as(path).isEqualTo(401);
            assertThat(Http.send(get(url(path), bearer(keycloak.clientToken("portal-hanoi")))).status()).as(path).isEqualTo(403);
            assertThat(Http.send(get(url(path), bearer(inspectorate))).status()).as(path).isEqualTo(403);
        }
        // the raw input holds the author in clear: ops:admin and identity:read, never an operator key
        String raw = url("/api/v1/admin/message-log/records/" + id + "/raw");
        assertThat(Http.send(get(raw, bearer(operator))).status()).isEqualTo(403);
        assertThat(Http.send(get(raw, Map.of("X-Api-Key", "demo-ops-key"))).status()).isEqualTo(403);
        assertThat(Http.send(get(raw, bearer(forge.signed(b -> { }, "inspectorate", "feed:inspectorate", "identity:read")))).status())
                .as("identity:read without ops:admin").isEqualTo(403);
        Http.Answer entitled = Http.send(get(raw, bearer(forge.signed(b -> { }, "lienthong-ops", "ops:admin", "identity:read"))));
        assertThat(entitled.status()).isEqualTo(200);
        assertThat(entitled.response().body().getBytes(StandardCharsets.UTF_8)).isEqualTo(denunciation);

        // and nothing of the author in anything the gateway logged during the whole class
        String log = gateway.logText();
        assertThat(AUTHOR).as("the gateway's log output").noneMatch(log::contains);
    }

    /**
     * Whoever reads the log's database file (its administrator, a backup) finds the denunciation's
     * author nowhere: its raw input is stored sealed under the log key, and the chain still verifies
     * (the entitled operator read it in clear through the API just before).
     */
    @Test
    @Order(11)
    void aProtectedReportersRawInputIsNotStoredInClearInTheDatabaseFile() throws Exception {
        assertThat(denunciationId).as("the denunciation of the test before").isNotNull();
        JsonNode verification = Http.send(get(url("/api/v1/admin/message-log/verification"), bearer(keycloak.operatorToken()))).json();
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();

        // a copy of the running gateway's database file, as a backup would take it
        java.nio.file.Path copy = Files.createTempDirectory("lienthong-it-backup");
        java.nio.file.Path store = gateway.dataDir().resolve(vn.lienthong.gateway.messagelog.Database.EMBEDDED_DIR);
        Files.createDirectories(copy.resolve(vn.lienthong.gateway.messagelog.Database.EMBEDDED_DIR));
        for (String file : List.of("lienthong.mv.db", "db-password")) {
            Files.copy(store.resolve(file), copy.resolve(vn.lienthong.gateway.messagelog.Database.EMBEDDED_DIR).resolve(file));
        }
        String fileBytes = new String(Files.readAllBytes(copy.resolve(vn.lienthong.gateway.messagelog.Database.EMBEDDED_DIR)
                .resolve("lienthong.mv.db")), StandardCharsets.UTF_8);
        assertThat(AUTHOR).as("the database file").noneMatch(fileBytes::contains);
        List<String> payloads = new ArrayList<>();
        try (com.zaxxer.hikari.HikariDataSource ds = LogStoreAccess.open(copy, List.of()); java.sql.Connection c = ds.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("SELECT p.content FROM log_payload p JOIN log_entry e ON e.seq = p.seq "
                        + "WHERE e.record_id = ? AND p.kind IN ('RAW', 'RECORD') AND p.content IS NOT NULL");
                java.sql.PreparedStatement all = c.prepareStatement("SELECT content FROM log_payload WHERE content IS NOT NULL")) {
            s.setString(1, denunciationId);
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    payloads.add(readable(r.getBytes(1)));
                }
            }
            assertThat(payloads).as("raw input and canonical record of the denunciation").hasSize(2);
            try (java.sql.ResultSet r = all.executeQuery()) {
                while (r.next()) {
                    String text = readable(r.getBytes(1));
                    assertThat(AUTHOR).as("a payload of the log table").noneMatch(text::contains);
                }
            }
        }
        assertThat(payloads).anyMatch(p -> p.startsWith("eyJ")).as("the raw input is sealed");
    }

    /** A payload as someone with the table but not the key reads it: gunzipped when it is gzip. */
    static String readable(byte[] content) throws java.io.IOException {
        if (content.length > 2 && content[0] == 0x1f && (content[1] & 0xff) == 0x8b) {
            return new String(vn.lienthong.gateway.messagelog.Gzip.decompress(content), StandardCharsets.UTF_8);
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ MQTT with a token

    static org.eclipse.paho.client.mqttv3.MqttClient mqtt(int port, String clientId, String password) throws Exception {
        org.eclipse.paho.client.mqttv3.MqttClient client = new org.eclipse.paho.client.mqttv3.MqttClient("tcp://127.0.0.1:" + port,
                clientId, new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        org.eclipse.paho.client.mqttv3.MqttConnectOptions options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
        options.setMqttVersion(org.eclipse.paho.client.mqttv3.MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(clientId);
        options.setPassword(password.toCharArray());
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        client.connect(options);
        return client;
    }

    @Test
    @Order(12)
    void aSubscriberReadsOverMqttWithItsTokenAndABadTokenIsRefused() throws Exception {
        Http.Answer accepted = post(url("/api/v1/sources/portal-hanoi/complaints"), bearer(keycloak.clientToken("portal-hanoi")),
                nativeComplaint("KC-MQTT-1", "KHIEU_NAI"));
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().path("id").asText();

        assertThatThrownBy(() -> mqtt(gateway.brokerPort(), MQTT_READER,
                forge.signed(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(120))), MQTT_READER, "feed:" + MQTT_READER)))
                .as("expired").isInstanceOf(org.eclipse.paho.client.mqttv3.MqttException.class);
        assertThatThrownBy(() -> mqtt(gateway.brokerPort(), MQTT_READER, forge.signed(b -> { }, MQTT_READER, "feed:province-25")))
                .as("without its feed role").isInstanceOf(org.eclipse.paho.client.mqttv3.MqttException.class);

        java.util.Set<String> received = java.util.concurrent.ConcurrentHashMap.newKeySet();
        org.eclipse.paho.client.mqttv3.MqttClient client = mqtt(gateway.brokerPort(), MQTT_READER,
                forge.signed(b -> { }, MQTT_READER, "feed:" + MQTT_READER));
        try {
            client.subscribe("lienthong/complaints", 1, (topic, message) -> received.add(JSON.readTree(message.getPayload()).path("id").asText()));
            Awaitility.await().atMost(Waits.SIGNAL).until(() -> received.contains(id));
        } finally {
            client.disconnect();
            client.close();
        }
    }
}
