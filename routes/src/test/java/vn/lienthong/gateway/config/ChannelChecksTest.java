package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelChecksTest {

    static Path config(Path dir, String file, String yaml) throws IOException {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), yaml);
        return dir;
    }

    @Test
    void shippedDeliveriesSourcesAndDropsLoad() {
        GatewayConfig config = GatewayConfig.load(Path.of("../gateway-config"), false);
        assertThat(config.subscribers().get("inspectorate-case-system").delivery().type()).isEqualTo("soap");
        assertThat(config.subscribers().get("inspectorate-case-rest").delivery().oauth2().clientId()).isEqualTo("lienthong-gateway");
        assertThat(config.sources().get("legacy-phananh").soap().legacyRequests()).hasSize(1);
        assertThat(config.sources().get("hotline-1022").fileDrop().csv().columns()).containsEntry("SoPhieu", "/source/recordId");
    }

    @Test
    void deliveryShorthandIsTheType(@TempDir Path dir) throws IOException {
        config(dir, "subscribers/case-a.yaml", """
                id: case-a
                subscriptions: { complaints: {} }
                delivery: soap
                """);
        assertThatThrownBy(() -> GatewayConfig.load(dir, false))
                .hasMessageContaining("case-a.yaml: delivery.endpoint is missing");
        config(dir, "subscribers/case-a.yaml", """
                id: case-a
                subscriptions: { complaints: {} }
                delivery: queue
                """);
        assertThat(GatewayConfig.load(dir, false).subscribers().get("case-a").delivery().pushed()).isFalse();
    }

    @Test
    void deliveryMistakesAreReported(@TempDir Path dir) throws IOException {
        config(dir, "subscribers/case-b.yaml", """
                id: case-b
                subscriptions: { complaints: {} }
                delivery:
                  type: rest
                  endpoint: ftp://cases
                  concurrency: 0
                  timeout: soon
                  retry: { maxAttempts: 0, multiplier: 0.5 }
                  circuitBreaker: { failureRateThreshold: 120 }
                  oauth2: { clientId: gw }
                  usernameToken: { username: u, password: p }
                """);
        config(dir, "subscribers/case-c.yaml", """
                id: case-c
                subscriptions: { complaints: {} }
                delivery: { type: webhook }
                """);
        assertThatThrownBy(() -> GatewayConfig.load(dir, false))
                .isInstanceOfSatisfying(GatewayConfigException.class, e -> assertThat(e.problems()).hasSize(10))
                .hasMessageContaining("'ftp://cases' is not an http(s) URL")
                .hasMessageContaining("concurrency must be between 1 and 64")
                .hasMessageContaining("delivery.timeout 'soon' is not a duration")
                .hasMessageContaining("maxAttempts must be at least 1")
                .hasMessageContaining("multiplier must be at least 1")
                .hasMessageContaining("failureRateThreshold must be a percentage")
                .hasMessageContaining("oauth2 needs tokenEndpoint, clientId and clientSecret")
                .hasMessageContaining("delivery has both oauth2 and usernameToken: choose one")
                .hasMessageContaining("usernameToken applies to soap delivery only")
                .hasMessageContaining("delivery.type 'webhook' is not supported (queue, soap, rest)");
    }

    @Test
    void soapAndFileDropMistakesAreReported(@TempDir Path dir) throws IOException {
        config(dir, "sources/legacy-a.yaml", """
                id: legacy-a
                soap:
                  legacyRequests:
                    - element: "GuiPhanAnh"
                      recordType: complaint
                  usernameToken: { username: shared, passwordHash: nope }
                fileDrop:
                  format: csv
                  recordType: letters
                  completion: when-ready
                  csv:
                    delimiter: ";;"
                    columns: { NoiDung: body }
                """);
        config(dir, "sources/legacy-b.yaml", """
                id: legacy-b
                records:
                  complaint: { xslt: missing.xsl }
                soap:
                  usernameToken: { username: shared, passwordHash: "pbkdf2-sha256$210000$Gvc/r/HuTc4SMCzDjzMoyQ==$vw3Thimw8xOYm1Oe/8/c799VHKrq8suQx6FYi/CDbhc=" }
                """);
        assertThatThrownBy(() -> GatewayConfig.load(dir, false))
                .hasMessageContaining("element 'GuiPhanAnh' must look like {namespace}LocalName")
                .hasMessageContaining("records.complaint.xslt is needed")
                .hasMessageContaining("usernameToken.passwordHash is not a pbkdf2-sha256 hash")
                .hasMessageContaining("fileDrop.recordType must be complaint or service-record")
                .hasMessageContaining("fileDrop.completion must be stable or done-marker")
                .hasMessageContaining("delimiter must be one character")
                .hasMessageContaining("'body' is not a field pointer")
                .hasMessageContaining("must map a column to /source/recordId")
                .hasMessageContaining("records.complaint.xslt: no file mappings/missing.xsl")
                .hasMessageContaining("username 'shared' is also used by");
    }

    @Test
    void productionRefusesTheDemoSoapPassword() {
        assertThatThrownBy(() -> GatewayConfig.load(Path.of("../gateway-config"), true))
                .hasMessageContaining("refuses the demo SOAP password of legacy-phananh")
                .hasMessageContaining("refuses the demo broker password of inspectorate-case-system");
    }
}
