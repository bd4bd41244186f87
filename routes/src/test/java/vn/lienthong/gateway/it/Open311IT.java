package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.lienthong.gateway.it.Feeds.Received;

/**
 * An Open311 client written from GeoReport v2 (form-encoded POST; XML and JSON reads) against the
 * packaged gateway and its demo source {@code open311-phutho} (jurisdiction 25). Result: the service
 * list and definitions as configured; a request reaches the subscribers' queues with its service's
 * kind and category, once even when the client retries; it is followed through every status of the
 * status loop (RESOLVED and REJECTED are closed) without the reporter's data or a subscriber's note;
 * every error is the spec's document with the spec's status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311IT {

    static final String KEY = "demo-open311-phutho-key";
    static final String PROVINCE_25 = "lienthong.complaints::province-25";
    static final String INSPECTORATE = "lienthong.complaints::inspectorate";
    static final ObjectMapper JSON = new ObjectMapper();

    GatewayProcess gateway;

    /** One answer of the door: status, content type, body. */
    record Reply(int status, String contentType, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }

        Document xml() throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @BeforeAll
    void start() throws Exception {
        gateway = GatewayProcess.start();
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @BeforeEach
    void emptyQueues() throws Exception {
        Feeds.drain(gateway, "province-25", PROVINCE_25);
        Feeds.drain(gateway, "inspectorate", INSPECTORATE);
    }

    // --- a client written from the spec -------------------------------------------------------------

    Reply get(String path) throws Exception {
        HttpResponse<String> r = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/open311/v2/" + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    Reply post(String format, Map<String, String> fields) throws Exception {
        return post(format, fields, "application/x-www-form-urlencoded; charset=utf-8");
    }

    Reply post(String format, Map<String, String> fields, String contentType) throws Exception {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> r = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/open311/v2/requests." + format))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    static Map<String, String> roadReport(String device) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("api_key", KEY);
        f.put("jurisdiction_id", "25");
        f.put("service_code", "road-damage");
        f.put("lat", "21.3227");
        f.put("long", "105.4020");
        f.put("address_string", "Số 5 đường Hùng Vương, phường Việt Trì, tỉnh Phú Thọ");
        f.put("attribute[severity]", "high");
        f.put("attribute[width_m]", "1.5");
        f.put("email", "an.nv@example.vn");
        f.put("device_id", device);
        f.put("account_id", "acct-42");
        f.put("first_name", "An");
        f.put("last_name", "Nguyễn Văn");
        f.put("phone", "0912 345 678");
        f.put("description", "Ổ gà lớn giữa đường, xe máy dễ ngã. " + device);
        f.put("media_url", "https://example.vn/anh/o-ga.jpg");
        return f;
    }

    static String text(Element parent, String name) {
        NodeList list = parent.getElementsByTagName(name);
        return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                list.add(e);
            }
        }
        return list;
    }

    Reply status(String code, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString("province-25:demo-province-25-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/cases/" + code + "/status"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), "", r.body());
    }

    /** The request as the client reads it, once the status loop has registered it. */
    JsonNode request(String id) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Reply r = get("requests/" + id + ".json");
            found[0] = r.status() == 200 ? r.json().get(0) : null;
            return found[0] != null;
        });
        return found[0];
    }

    // --- discovery, services, definitions ---------------------------------------------------------

    @Test
    void discoveryNamesTheSpecAndBothFormats() throws Exception {
        Reply json = get("discovery.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        JsonNode d = json.json();
        assertThat(d.path("changeset").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
        assertThat(d.path("contact").asText()).isNotBlank();
        assertThat(d.path("key_service").asText()).isNotBlank();
        JsonNode endpoint = d.path("endpoints").get(0);
        assertThat(endpoint.path("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.path("url").asText()).endsWith("/open311/v2/");
        assertThat(endpoint.path("type").asText()).isEqualTo("production");
        assertThat(endpoint.path("formats").toString()).isEqualTo("[\"text/xml\",\"application/json\"]");

        Reply xml = get("discovery.xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("text/xml");
        Element root = xml.xml().getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("discovery");
        Element ep = children(children(root, "endpoints").get(0), "endpoint").get(0);
        assertThat(text(ep, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(children(children(ep, "formats").get(0), "format")).extracting(Element::getTextContent)
                .containsExactly("text/xml", "application/json");
    }

    @Test
    void serviceListIsTheConfiguredOneInBothFormats() throws Exception {
        JsonNode services = get("services.json?jurisdiction_id=25").json();
        assertThat(services.findValuesAsText("service_code"))
                .containsExactly("road-damage", "public-order", "land", "online-service-delay", "complaint", "denunciation");
        JsonNode road = services.get(0);
        assertThat(road.path("service_name").asText()).isEqualTo("Hư hỏng đường giao thông");
        assertThat(road.path("description").asText()).startsWith("Ổ gà");
        assertThat(road.path("metadata").asBoolean()).isTrue();
        assertThat(road.path("type").asText()).isEqualTo("realtime");
        assertThat(road.path("keywords").asText()).isEqualTo("duong,o-ga,giao-thong");
        assertThat(road.path("group").asText()).isEqualTo("Hạ tầng");
        assertThat(services.get(1).path("metadata").asBoolean()).isFalse();

        // jurisdiction_id may be left out: the gateway serves one jurisdiction
        Document xml = get("services.xml").xml();
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
        List<Element> items = children(xml.getDocumentElement(), "service");
        assertThat(items).hasSize(6);
        assertThat(text(items.get(0), "service_code")).isEqualTo("road-damage");
        assertThat(text(items.get(0), "metadata")).isEqualTo("true");
    }

    @Test
    void serviceDefinitionListsTheAttributes() throws Exception {
        JsonNode d = get("services/road-damage.json?jurisdiction_id=25").json();
        assertThat(d.path("service_code").asText()).isEqualTo("road-damage");
        JsonNode severity = d.path("attributes").get(0);
        assertThat(severity.path("variable").asBoolean()).isTrue();
        assertThat(severity.path("code").asText()).isEqualTo("severity");
        assertThat(severity.path("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(severity.path("required").asBoolean()).isTrue();
        assertThat(severity.path("order").asInt()).isEqualTo(1);
        assertThat(severity.path("description").asText()).isEqualTo("Mức độ nguy hiểm");
        assertThat(severity.path("values").findValuesAsText("key")).containsExactly("low", "high");
        JsonNode width = d.path("attributes").get(1);
        assertThat(width.path("datatype").asText()).isEqualTo("number");
        assertThat(width.path("required").asBoolean()).isFalse();

        Element xml = get("services/online-service-delay.xml").xml().getDocumentElement();
        assertThat(xml.getTagName()).isEqualTo("service_definition");
        List<Element> attributes = children(children(xml, "attributes").get(0), "attribute");
        assertThat(attributes).extracting(a -> text(a, "code")).containsExactly("dossier_code", "submitted_on");
        assertThat(attributes).extracting(a -> text(a, "datatype")).containsExactly("string", "datetime");
    }

    // --- filing ------------------------------------------------------------------------------------

    @Test
    void filedRequestReachesTheSubscriberWithItsServicesKindAndCategory() throws Exception {
        String device = "device-" + UUID.randomUUID();
        Reply reply = post("json", roadReport(device));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode answer = reply.json().get(0);
        String id = answer.path("service_request_id").asText();
        assertThat(id).matches("PA[2-9A-HJ-NP-Z]{9}");
        assertThat(answer.path("service_notice").asText()).startsWith("Phản ánh của bạn đã được tiếp nhận");

        List<Received> province = Feeds.drain(gateway, "province-25", PROVINCE_25);
        assertThat(province).hasSize(1);
        Received r = province.get(0);
        JsonNode record = r.record();
        assertThat(record.path("trackingCode").asText()).isEqualTo(id);
        assertThat(record.path("kind").asText()).isEqualTo("FEEDBACK");
        assertThat(record.path("category").path("code").asText()).isEqualTo("GIAO_THONG");
        assertThat(record.path("category").path("name").asText()).isEqualTo("Giao thông, đường bộ");
        assertThat(record.path("source").path("sourceId").asText()).isEqualTo("open311-phutho");
        assertThat(record.path("source").path("channel").asText()).isEqualTo("OPEN311");
        assertThat(record.path("title").asText()).isEqualTo("Hư hỏng đường giao thông");
        assertThat(record.path("body").asText()).isEqualTo("Ổ gà lớn giữa đường, xe máy dễ ngã. " + device
                + "\n\nMức độ nguy hiểm: Cao: gây nguy hiểm cho người đi đường\nChiều rộng chỗ hư hỏng (mét): 1.5");
        assertThat(record.path("location").path("provinceCode").asText()).isEqualTo("25");
        assertThat(record.path("location").path("latitude").decimalValue()).isEqualByComparingTo("21.3227");
        assertThat(record.path("location").path("longitude").decimalValue()).isEqualByComparingTo("105.4020");
        assertThat(record.path("location").path("address").asText()).isEqualTo("Số 5 đường Hùng Vương, phường Việt Trì, tỉnh Phú Thọ");
        assertThat(record.path("reporter").path("name").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(record.path("reporter").path("phone").asText()).isEqualTo("+84912345678");
        assertThat(record.path("reporter").path("email").asText()).isEqualTo("an.nv@example.vn");
        assertThat(record.path("attachments").get(0).path("uri").asText()).isEqualTo("https://example.vn/anh/o-ga.jpg");
        assertThat(r.properties()).containsEntry("kind", "FEEDBACK").containsEntry("category", "GIAO_THONG")
                .containsEntry("provinceCode", "25").containsEntry("sourceId", "open311-phutho");
        // feedback is not the inspectorate's (its filter: complaints and denunciations)
        assertThat(Feeds.drain(gateway, "inspectorate", INSPECTORATE)).isEmpty();

        // the XML answer of the same service
        Reply xml = post("xml", roadReport("device-" + UUID.randomUUID()));
        assertThat(xml.status()).isEqualTo(200);
        Element request = children(xml.xml().getDocumentElement(), "request").get(0);
        assertThat(xml.xml().getDocumentElement().getTagName()).isEqualTo("service_requests");
        assertThat(text(request, "service_request_id")).matches("PA[2-9A-HJ-NP-Z]{9}");
    }

    @Test
    void retriedPostIsOneRequest() throws Exception {
        Map<String, String> form = roadReport("retry-" + UUID.randomUUID());
        Reply first = post("json", form);
        Reply retry = post("xml", form);
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        String id = first.json().get(0).path("service_request_id").asText();
        assertThat(text(retry.xml().getDocumentElement(), "service_request_id")).isEqualTo(id);
        assertThat(Feeds.drain(gateway, "province-25", PROVINCE_25)).extracting(x -> x.record().path("trackingCode").asText())
                .containsExactly(id);

        // another description from the same device is another request
        form.put("description", form.get("description") + " (ảnh thứ hai)");
        assertThat(post("json", form).json().get(0).path("service_request_id").asText()).isNotEqualTo(id);
    }

    @Test
    void denunciationReachesTheInspectorateWithoutTheReportersIdentity() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", KEY);
        form.put("service_code", "denunciation");
        form.put("address_string", "UBND xã Sơn Đông, tỉnh Phú Thọ");
        form.put("description", "Cán bộ địa chính xã đòi tiền để ký hồ sơ.");
        form.put("first_name", "Bình");
        form.put("last_name", "Trần Thị");
        form.put("phone", "0987654321");
        form.put("device_id", "whistle-" + UUID.randomUUID());
        Reply reply = post("json", form);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String id = reply.json().get(0).path("service_request_id").asText();
        assertThat(id).startsWith("TC");

        List<Received> inspectorate = Feeds.drain(gateway, "inspectorate", INSPECTORATE);
        assertThat(inspectorate).hasSize(1);
        JsonNode record = inspectorate.get(0).record();
        assertThat(record.path("kind").asText()).isEqualTo("DENUNCIATION");
        assertThat(record.path("category").path("code").asText()).isEqualTo("THAM_NHUNG");
        assertThat(record.toString()).doesNotContain("Bình").doesNotContain("987654321");
        assertThat(record.path("protectedIdentity").isObject()).isTrue();

        // the request is followed by its code, status only; it is not listed
        JsonNode seen = request(id);
        assertThat(seen.path("status").asText()).isEqualTo("open");
        assertThat(seen.path("service_code").asText()).isEqualTo("denunciation");
        assertThat(seen.has("address")).isFalse();
        assertThat(get("requests.json?service_code=denunciation").json().findValuesAsText("service_request_id")).doesNotContain(id);
        assertThat(get("requests.json?service_code=denunciation").json()).isEmpty();
    }

    @Test
    void deferredServiceAnswersATokenThatResolvesToTheRequest() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", KEY);
        form.put("service_code", "complaint");
        form.put("lat", "21.40");
        form.put("long", "105.23");
        form.put("description", "Khiếu nại quyết định xử phạt " + UUID.randomUUID());
        Reply reply = post("json", form);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode answer = reply.json().get(0);
        assertThat(answer.has("service_request_id")).isFalse();
        String token = answer.path("token").asText();
        assertThat(token).isNotBlank();

        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> get("tokens/" + token + ".json").status() == 200);
        JsonNode resolved = get("tokens/" + token + ".json").json().get(0);
        id[0] = resolved.path("service_request_id").asText();
        assertThat(resolved.path("token").asText()).isEqualTo(token);
        assertThat(id[0]).startsWith("KN");
        Element xml = children(get("tokens/" + token + ".xml").xml().getDocumentElement(), "request").get(0);
        assertThat(text(xml, "service_request_id")).isEqualTo(id[0]);
        assertThat(request(id[0]).path("service_code").asText()).isEqualTo("complaint");
        assertThat(Feeds.drain(gateway, "inspectorate", INSPECTORATE)).extracting(x -> x.record().path("kind").asText())
                .containsExactly("COMPLAINT");
    }

    // --- following a request through the status loop ----------------------------------------------

    @Test
    void requestIsFollowedThroughEveryStatusWithoutPersonalDataOrNotes() throws Exception {
        Map<String, String> form = roadReport("loop-" + UUID.randomUUID());
        String id = post("json", form).json().get(0).path("service_request_id").asText();
        assertThat(Feeds.drain(gateway, "province-25", PROVINCE_25)).hasSize(1);

        JsonNode first = request(id);
        assertThat(first.path("service_request_id").asText()).isEqualTo(id);
        assertThat(first.path("status").asText()).isEqualTo("open");
        assertThat(first.path("service_code").asText()).isEqualTo("road-damage");
        assertThat(first.path("service_name").asText()).isEqualTo("Hư hỏng đường giao thông");
        assertThat(first.path("agency_responsible").asText()).isEqualTo("Thanh tra tỉnh Phú Thọ");
        assertThat(first.path("requested_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
        assertThat(first.path("updated_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
        assertThat(first.path("address").asText()).isEqualTo("Số 5 đường Hùng Vương, phường Việt Trì, tỉnh Phú Thọ");
        assertThat(first.path("lat").decimalValue()).isEqualByComparingTo("21.3227");
        assertThat(first.path("long").decimalValue()).isEqualByComparingTo("105.4020");
        assertThat(first.path("media_url").asText()).isEqualTo("https://example.vn/anh/o-ga.jpg");

        String note = "Giao cán bộ Lê Văn Cường kiểm tra hiện trường";
        List<String[]> steps = List.of(
                new String[] {"ACCEPTED_FOR_HANDLING", "open", "Đã thụ lý"},
                new String[] {"IN_PROGRESS", "open", "Đang xử lý"},
                new String[] {"TRANSFERRED", "open", "Đã chuyển cơ quan khác xử lý"},
                new String[] {"RESOLVED", "closed", "Đã giải quyết"});
        for (String[] step : steps) {
            Reply reported = status(id, "{\"status\":\"" + step[0] + "\",\"note\":\"" + note + "\",\"handlingAgency\":"
                    + "{\"code\":\"000.00.00.H25\",\"name\":\"Sở Xây dựng tỉnh Phú Thọ\"}}");
            assertThat(reported.status()).as(reported.body()).isEqualTo(200);
            JsonNode seen = request(id);
            assertThat(seen.path("status").asText()).as(step[0]).isEqualTo(step[1]);
            assertThat(seen.path("status_notes").asText()).as(step[0]).isEqualTo(step[2]);
            assertThat(seen.path("agency_responsible").asText()).isEqualTo("Sở Xây dựng tỉnh Phú Thọ");
            Element xml = children(get("requests/" + id + ".xml").xml().getDocumentElement(), "request").get(0);
            assertThat(text(xml, "status")).isEqualTo(step[1]);
        }

        // another request, rejected: closed too
        String rejected = post("json", roadReport("loop-" + UUID.randomUUID())).json().get(0).path("service_request_id").asText();
        request(rejected);
        assertThat(status(rejected, "{\"status\":\"REJECTED\",\"note\":\"" + note + "\"}").status()).isEqualTo(200);
        assertThat(request(rejected).path("status").asText()).isEqualTo("closed");
        assertThat(request(rejected).path("status_notes").asText()).isEqualTo("Không thụ lý");

        // lists: by ids, by status and service
        Reply both = get("requests.json?service_request_id=" + id + "," + rejected);
        assertThat(both.json().findValuesAsText("service_request_id")).containsExactlyInAnyOrder(id, rejected);
        assertThat(get("requests.json?status=closed&service_code=road-damage").json().findValuesAsText("service_request_id"))
                .contains(id, rejected);
        assertThat(get("requests.json?status=open").json().findValuesAsText("service_request_id")).doesNotContain(id, rejected);
        Document xmlList = get("requests.xml?status=closed").xml();
        assertThat(children(xmlList.getDocumentElement(), "request")).extracting(e -> text(e, "service_request_id")).contains(id, rejected);

        // nothing of the reporter, the description or the subscriber's note, in either format
        for (String body : List.of(both.body(), get("requests.xml?service_request_id=" + id + "," + rejected).body())) {
            assertThat(body).doesNotContain("Nguyễn").doesNotContain("an.nv@example.vn").doesNotContain("912345678")
                    .doesNotContain("345 678").doesNotContain("acct-42").doesNotContain("loop-").doesNotContain("Ổ gà lớn")
                    .doesNotContain("Lê Văn Cường");
        }
    }

    // --- errors, as the spec writes them -------------------------------------------------------------

    @Test
    void errorsAreTheSpecsDocumentsWithTheSpecsStatus() throws Exception {
        Map<String, String> noKey = roadReport("err-" + UUID.randomUUID());
        noKey.remove("api_key");
        assertError(post("json", noKey), 403, "api_key was not provided");
        Map<String, String> badKey = roadReport("err-" + UUID.randomUUID());
        badKey.put("api_key", "not-a-key");
        assertXmlError(post("xml", badKey), 403, "not valid");
        Map<String, String> otherSource = roadReport("err-" + UUID.randomUUID());
        otherSource.put("api_key", "demo-portal-hanoi-key");
        assertError(post("json", otherSource), 403, "may not file requests in jurisdiction 25");

        Map<String, String> f = roadReport("err-" + UUID.randomUUID());
        f.remove("service_code");
        assertError(post("json", f), 400, "service_code was not provided");
        f.put("service_code", "potholes");
        assertError(post("json", f), 404, "service_code potholes was not found");
        f.put("jurisdiction_id", "01");
        assertXmlError(post("xml", f), 404, "jurisdiction_id 01 was not found");

        Map<String, String> attributes = roadReport("err-" + UUID.randomUUID());
        attributes.remove("attribute[severity]");
        attributes.put("attribute[width_m]", "rộng");
        attributes.put("attribute[colour]", "red");
        Reply several = post("json", attributes);
        assertThat(several.status()).isEqualTo(400);
        assertThat(several.json().findValuesAsText("description")).containsExactlyInAnyOrder(
                "attribute[colour] is not an attribute of service road-damage",
                "attribute[severity] (Mức độ nguy hiểm) is required",
                "attribute[width_m] must be a number");
        assertThat(several.json().findValuesAsText("code")).containsOnly("400");
        Map<String, String> notInList = roadReport("err-" + UUID.randomUUID());
        notInList.put("attribute[severity]", "extreme");
        assertError(post("json", notInList), 400, "attribute[severity] has values not in its list");

        Map<String, String> noPlace = roadReport("err-" + UUID.randomUUID());
        noPlace.remove("lat");
        noPlace.remove("long");
        noPlace.remove("address_string");
        assertError(post("json", noPlace), 400, "a location is required");
        noPlace.put("address_id", "VT-1");
        assertError(post("json", noPlace), 400, "address_id cannot be resolved here");
        Map<String, String> halfPoint = roadReport("err-" + UUID.randomUUID());
        halfPoint.remove("long");
        assertError(post("json", halfPoint), 400, "lat and long must be sent together");
        Map<String, String> farPoint = roadReport("err-" + UUID.randomUUID());
        farPoint.put("lat", "91");
        assertError(post("json", farPoint), 400, "lat must be a decimal latitude");
        Map<String, String> longText = roadReport("err-" + UUID.randomUUID());
        longText.put("description", "ổ".repeat(4001));
        assertError(post("json", longText), 400, "description is longer than 4000 characters");
        Map<String, String> badEmail = roadReport("err-" + UUID.randomUUID());
        badEmail.put("email", "not an e-mail");
        assertError(post("json", badEmail), 400, "client.schema-invalid: /reporter/email");
        assertError(post("json", roadReport("err-" + UUID.randomUUID()), "application/json"), 400, "application/x-www-form-urlencoded");

        assertError(get("requests/PAZZZZZZZZZ.json"), 404, "service_request_id PAZZZZZZZZZ was not found");
        assertXmlError(get("requests/PAZZZZZZZZZ.xml"), 404, "was not found");
        assertError(get("tokens/" + UUID.randomUUID() + ".json"), 404, "was not found");
        assertError(get("services/potholes.json"), 404, "service_code potholes was not found");
        assertError(get("services.json?jurisdiction_id=01"), 404, "jurisdiction_id 01 was not found");
        assertError(get("requests.json?start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-06-01T00:00:00%2B07:00"), 400,
                "at most 90 days apart");
        assertError(get("requests.json?status=pending"), 400, "status must be open or closed");
        assertError(get("requests.json?start_date=yesterday"), 400, "start_date must be a W3C date");
        assertXmlError(get("requests.yaml"), 404, "no such resource");

        // nothing of it was published
        assertThat(Feeds.drain(gateway, "province-25", PROVINCE_25)).isEmpty();
    }

    static void assertError(Reply reply, int status, String description) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode errors = reply.json();
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.get(0).path("code").asInt()).isEqualTo(status);
        assertThat(errors.findValuesAsText("description")).anySatisfy(d -> assertThat(d).contains(description));
        errors.forEach(e -> assertThat(e.size()).isEqualTo(2));
    }

    static void assertXmlError(Reply reply, int status, String description) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("text/xml");
        Element root = reply.xml().getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("errors");
        Element error = children(root, "error").get(0);
        assertThat(text(error, "code")).isEqualTo(String.valueOf(status));
        assertThat(text(error, "description")).contains(description);
    }
}
