package vn.lienthong.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST equivalent of InspectorateCase: {@code POST /api/v1/cases} with the canonical record as
 * JSON, an {@code Idempotency-Key} and a bearer token from {@code POST /oauth2/token} (client
 * credentials, HTTP Basic client authentication).
 */
@RestController
public class CaseRestApi {

    private final SimulatorState state;
    private final SimulatorProperties properties;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private final RealmTokenCheck realm;
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

    public CaseRestApi(SimulatorState state, SimulatorProperties properties) throws Exception {
        this.state = state;
        this.properties = properties;
        this.realm = properties.oauth2().issuer() == null ? null : new RealmTokenCheck(properties.oauth2());
    }

    /** Realm tokens seen so far are refused from now on (control API); the count of tokens revoked. */
    int revokeTokens() {
        if (realm == null) {
            int n = tokens.size();
            tokens.clear();
            return n;
        }
        return realm.revokeSeen();
    }

    /** Calls answered 401, and distinct realm tokens accepted. */
    Map<String, Object> tokenStats() {
        return Map.of("refused", refused.get(), "distinctTokens", realm == null ? tokens.size() : realm.distinctTokens());
    }

    @PostMapping(path = "/oauth2/token", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> token(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam(name = "grant_type", required = false) String grantType) {
        if (!"client_credentials".equals(grantType)) {
            return ResponseEntity.badRequest().body(Map.of("error", "unsupported_grant_type"));
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (properties.clientId() + ":" + properties.clientSecret()).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid_client"));
        }
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.put(token, Instant.now().plusSeconds(properties.tokenSeconds()));
        return ResponseEntity.ok(Map.of("access_token", token, "token_type", "Bearer", "expires_in", properties.tokenSeconds()));
    }

    @PostMapping(path = "/api/v1/cases", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> submit(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestHeader(name = "X-Lienthong-Subscriber", required = false) String subscriberId,
            @RequestBody JsonNode record) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        boolean valid;
        if (realm != null) {
            valid = token != null && realm.check(token) != null;
        } else {
            Instant expiry = token == null ? null : tokens.get(token);
            valid = expiry != null && !expiry.isBefore(Instant.now());
        }
        if (!valid) {
            refused.incrementAndGet();
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid_token"));
        }
        if (key == null || key.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "Idempotency-Key is required"));
        }
        state.delay();
        String trackingCode = record.path("trackingCode").asText(null);
        String recordId = record.path("id").asText(null);
        if (state.mode() == Mode.SOAP_FAULT) {
            state.countFault("rest");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "simulated: cannot take cases right now"));
        }
        if (state.rejects(trackingCode, recordId)) {
            state.countFault("rest");
            return ResponseEntity.unprocessableEntity().body(Map.of("error", "INVALID_CASE",
                    "detail", "simulated: case " + trackingCode + " is refused as invalid"));
        }
        SimulatorState.Receipt receipt = state.store("rest", key, subscriberId, recordId, trackingCode,
                record.path("kind").asText(null), record.toString());
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(Map.of("caseNumber", receipt.caseNumber(), "duplicate", receipt.duplicate()));
    }
}
