package vn.lienthong.gateway.intake.sms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SourceDefinition;

/** The shipped SMS source and the Kannel fixture requests, for unit tests. */
final class SmsFixtures {

    static final GatewayConfig CONFIG = GatewayConfig.load(Path.of("../gateway-config"), false);
    static final SourceDefinition SOURCE = CONFIG.source("sms-8079").orElseThrow();
    static final SmsSourceDefinition SMS = SOURCE.sms();

    private SmsFixtures() {
    }

    /** The request lines of fixtures/sms/kannel-mo-requests.txt ("GET /sms/kannel?..."), comments dropped. */
    static List<String> kannelRequests() throws IOException {
        try (InputStream in = SmsFixtures.class.getResourceAsStream("/fixtures/sms/kannel-mo-requests.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("GET "))
                    .toList();
        }
    }

    /** The query string of a fixture line. */
    static String query(String requestLine) {
        return requestLine.substring(requestLine.indexOf('?') + 1).strip();
    }
}
