package vn.lienthong.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The control API (control port only): switch the mode, read what was received, start over.
 * <pre>
 * POST /sim/mode?mode=normal|down|slow|http-500|soap-fault|reject[&amp;delayMs=3000][&amp;match=TC…]
 * GET  /sim/cases[?channel=soap|rest]     every case received, in order of first arrival
 * GET  /sim/stats
 * POST /sim/reset
 * POST /sim/tokens/revoke                 bearer tokens seen so far are refused from now on
 * GET  /sim/tokens                        calls refused with 401, distinct tokens accepted
 * </pre>
 */
@RestController
public class ControlApi {

    private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);

    private final SimulatorState state;
    private final ServletWebServerApplicationContext context;

    private final CaseRestApi rest;

    public ControlApi(SimulatorState state, ServletWebServerApplicationContext context, CaseRestApi rest) {
        this.state = state;
        this.context = context;
        this.rest = rest;
    }

    /** Every bearer token seen so far is refused from now on: the gateway must fetch a new one. */
    @PostMapping("/sim/tokens/revoke")
    public Map<String, Object> revokeTokens() {
        int revoked = rest.revokeTokens();
        LOG.info("revoked {} token(s)", revoked);
        return rest.tokenStats();
    }

    @GetMapping("/sim/tokens")
    public Map<String, Object> tokens() {
        return rest.tokenStats();
    }

    @PostMapping("/sim/mode")
    public synchronized Map<String, Object> mode(@RequestParam String mode, @RequestParam(required = false) Long delayMs,
            @RequestParam(required = false) String match) throws Exception {
        Mode next = Mode.parse(mode);
        Connector service = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        if (next == Mode.DOWN && state.mode() != Mode.DOWN) {
            service.stop();
        } else if (next != Mode.DOWN && state.mode() == Mode.DOWN) {
            service.start();
        }
        state.set(next, delayMs, match);
        LOG.info("mode {} (delay {} ms, match {})", next, state.delayMillis(), state.match());
        return stats();
    }

    @GetMapping("/sim/cases")
    public List<SimulatorState.StoredCase> cases(@RequestParam(required = false) String channel) {
        return state.cases(channel);
    }

    @GetMapping("/sim/stats")
    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("mode", state.mode().name());
        stats.put("delayMs", state.delayMillis());
        stats.put("match", state.match());
        for (String channel : List.of("soap", "rest")) {
            List<SimulatorState.StoredCase> cases = state.cases(channel);
            stats.put(channel, Map.of(
                    "cases", cases.size(),
                    "repeats", cases.stream().mapToInt(c -> c.received() - 1).sum(),
                    "faults", state.faults(channel)));
        }
        return stats;
    }

    @PostMapping("/sim/reset")
    public ResponseEntity<Map<String, Object>> reset() throws Exception {
        mode("normal", null, null);
        state.reset();
        return ResponseEntity.ok(stats());
    }
}
