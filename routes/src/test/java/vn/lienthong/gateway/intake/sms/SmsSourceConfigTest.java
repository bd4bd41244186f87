package vn.lienthong.gateway.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayConfigException;

/** The {@code sms:} block of a source YAML is checked at start-up, every problem at once. */
class SmsSourceConfigTest {

    @Test
    void theShippedShortCodeLoadsAndProductionRefusesItsDemoSecret() {
        assertThat(SmsFixtures.SMS.shortCode()).isEqualTo("8079");
        assertThatThrownBy(() -> GatewayConfig.load(Path.of("../gateway-config"), true))
                .hasMessageContaining("refuses the demo Kannel secret of sms-8079");
    }

    @Test
    void mistakesAreNamed(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sources"));
        String shipped = Files.readString(Path.of("../gateway-config/sources/sms-8079.yaml"));
        Files.writeString(dir.resolve("sources/sms-9999.yaml"), shipped
                .replace("id: sms-8079", "id: sms-9999")
                .replace("DENUNCIATION: [TC, TOCAO]", "DENUNCIATION: [TC, T.O.C.A.O, PA]")
                .replace("provinceCode: \"25\"", "provinceCode: \"26\"")
                .replace("operatorNumbers: []", "operatorNumbers: [\"0912345678\"]")
                .replace("per: 1h", "per: soon")
                .replace("allowFrom: [127.0.0.1, \"::1\"]", "allowFrom: [kannel.local]")
                .replace("    RESOLVED: đã được giải quyết\n", "")
                .replace("lookup: \"Hồ sơ {code}: {status} (cập nhật {date}).\"",
                        "lookup: \"Hồ sơ {code}: {status} (cập nhật {date}). {agency} " + "Xin cảm ơn quý vị. ".repeat(5) + "\""));
        Files.writeString(dir.resolve("sources/sms-8080.yaml"), """
                id: sms-8080
                channel: SMS
                """);
        assertThatThrownBy(() -> GatewayConfig.load(dir, false))
                .isInstanceOf(GatewayConfigException.class)
                .hasMessageContaining("'PA' is a keyword of both")
                .hasMessageContaining("sms.location.provinceCode '26' is not a province code in force since 1 July 2025")
                .hasMessageContaining("'0912345678' is not a number in E.164 form")
                .hasMessageContaining("sms.rateLimit.per 'soon' is not a duration")
                .hasMessageContaining("sms.kannel.allowFrom: 'kannel.local' is not an IP address")
                .hasMessageContaining("sms.statusNames.RESOLVED is missing")
                .hasMessageContaining("sms.replies.lookup: unknown placeholder {agency}")
                .hasMessageContaining("sms.replies.lookup needs 3 parts with the longest values (at most 2; 134 characters with diacritics)")
                .hasMessageContaining("sms-8080.yaml: channel SMS needs an 'sms' block");
    }
}
