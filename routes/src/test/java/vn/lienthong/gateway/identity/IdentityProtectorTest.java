package vn.lienthong.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.config.GatewayConfig;

class IdentityProtectorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path DEMO_PRIVATE = Path.of("../docs/examples/demo-keys/inspectorate.identity.private.jwk.json");

    @Test
    void eachEntitledSubscriberOpensItsOwnCopyAndNobodyElseCan() throws Exception {
        JWK inspectorate = IdentityKeys.read(DEMO_PRIVATE);
        ECKey ministry = new ECKeyGenerator(Curve.P_256).keyID("ministry-1").generate();
        Map<String, Supplier<JWK>> keys = new LinkedHashMap<>();
        keys.put("inspectorate", inspectorate::toPublicJWK);
        keys.put("ministry", ministry::toPublicJWK);
        keys.put("broken", () -> {
            throw new IllegalStateException("the subscriber's JWK set cannot be fetched");
        });
        ObjectNode record = ReporterRedactionTest.record("DENUNCIATION", false, "Nội dung. Người tố cáo: Nguyễn Thị Hương");

        IdentityProtector.Protection protection = new IdentityProtector(keys).protect(record);

        JsonNode published = protection.record();
        assertThat(published.toString()).doesNotContain("Hương").doesNotContain("0383456789");
        JsonNode recipients = published.path("protectedIdentity").path("recipients");
        assertThat(recipients).hasSize(2);
        assertThat(recipients.get(0).path("keyId").asText()).isEqualTo(inspectorate.getKeyID());
        JsonNode opened = JSON.readTree(IdentityCommand.decrypt(recipients.get(0).path("jwe").asText(), inspectorate));
        assertThat(opened.path("reporter").path("name").asText()).isEqualTo("Nguyễn Thị Hương");
        assertThat(opened.path("recordId").asText()).isEqualTo(record.path("id").asText());
        JsonNode ministryCopy = JSON.readTree(IdentityCommand.decrypt(recipients.get(1).path("jwe").asText(), ministry));
        assertThat(ministryCopy.path("bodySignature").asText()).isEqualTo("Người tố cáo: Nguyễn Thị Hương");
        // the inspectorate's key does not open the ministry's copy
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IdentityCommand.decrypt(recipients.get(1).path("jwe").asText(), inspectorate))
                .isInstanceOf(Exception.class);
        assertThat(protection.identity().path("reporter").path("identityNumber").asText()).isEqualTo("026190001234");
    }

    @Test
    void anUnprotectedRecordIsPublishedAsItIs() throws Exception {
        ObjectNode record = ReporterRedactionTest.record("FEEDBACK", false, "Đường hỏng.");
        IdentityProtector.Protection protection = new IdentityProtector(Map.of()).protect(record);
        assertThat(protection.record()).isSameAs(record);
        assertThat(protection.identity()).isNull();
    }

    @Test
    void theShippedDemoKeyLoadsAndIsRefusedInProduction() throws Exception {
        GatewayConfig config = GatewayConfig.load(Path.of("../gateway-config"), false);
        assertThat(IdentityKeys.load(config, false)).containsOnlyKeys("inspectorate");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IdentityKeys.load(config, true))
                .hasMessageContaining("refuses the demo key");
    }

    @Test
    void privateOrWeakKeysAreRefused() throws Exception {
        JWK demo = IdentityKeys.read(DEMO_PRIVATE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IdentityKeys.check(demo)).hasMessageContaining("public key only");
        JWK small = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(1024, true).generate().toPublicJWK();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IdentityKeys.check(small)).hasMessageContaining("2048");
    }
}
