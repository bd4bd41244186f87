package vn.lienthong.gateway.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayConfigException;

/** An Open311 source's YAML: the shipped one loads; every mistake is named with its file. */
class Open311ConfigTest {

    @Test
    void shippedSourceServesPhuTho() {
        Open311Catalogue catalogue = new Open311Catalogue(GatewayConfig.load(Path.of("../gateway-config"), false));
        Open311Catalogue.Jurisdiction j = catalogue.resolve(null);
        assertThat(j.id()).isEqualTo("25");
        assertThat(j.sourceId()).isEqualTo("open311-phutho");
        assertThat(j.serviceOf("DENUNCIATION", "THAM_NHUNG")).get().extracting(Open311SourceDefinition.Service::code)
                .isEqualTo("denunciation");
        assertThatThrownBy(() -> catalogue.resolve("01")).isInstanceOfSatisfying(Open311Error.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void everyMistakeIsNamed(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sources"));
        Files.writeString(dir.resolve("sources/app-a.yaml"), """
                id: app-a
                channel: OPEN311
                open311:
                  jurisdictions: ["25", "7"]
                  dedupWindow: soon
                  services:
                    - { code: a, name: A, kind: GOSSIP }
                    - code: b
                      name: B
                      kind: FEEDBACK
                      category: roads
                      type: sometimes
                      attributes:
                        - { code: level, datatype: singlevaluelist, description: Mức độ }
                        - { code: size, datatype: float, description: Cỡ }
                    - { code: c, name: C, kind: FEEDBACK, category: roads }
                """);
        Files.writeString(dir.resolve("sources/app-b.yaml"), """
                id: app-b
                channel: OPEN311
                open311:
                  jurisdictions: ["25"]
                  services:
                    - { code: a, name: A, kind: FEEDBACK }
                """);
        Files.writeString(dir.resolve("sources/app-c.yaml"), """
                id: app-c
                channel: OPEN311
                """);
        assertThatThrownBy(() -> GatewayConfig.load(dir, false))
                .isInstanceOf(GatewayConfigException.class)
                .hasMessageContaining("app-a.yaml: open311.jurisdictions: '7' is not a two-digit province code")
                .hasMessageContaining("app-a.yaml: open311.dedupWindow 'soon' is not a duration like 10m")
                .hasMessageContaining("open311.services[a].kind must be one of [COMPLAINT, DENUNCIATION, FEEDBACK, PETITION]")
                .hasMessageContaining("open311.services[b].category must match [A-Z0-9_]{1,40}")
                .hasMessageContaining("open311.services[b].type must be one of [realtime, batch, blackbox]")
                .hasMessageContaining("open311.services[b].attributes[level]: a list needs values")
                .hasMessageContaining("open311.services[b].attributes[size].datatype must be one of")
                .hasMessageContaining("open311.services[c]: another service has the same kind and category")
                .hasMessageContaining("app-b.yaml: open311.jurisdictions: '25' is also served by")
                .hasMessageContaining("app-c.yaml: channel OPEN311 needs an 'open311' block");
    }
}
