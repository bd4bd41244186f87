package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.config.GatewayConfigException;

/** The log key: what it seals, which keys it accepts, what the production profile refuses. */
class PayloadSealTest {

    static final byte[] RAW = "{\"nguoiTo\":{\"hoTen\":\"Lê Văn Cường\",\"soDienThoai\":\"0912345678\"}}".getBytes(StandardCharsets.UTF_8);

    static String newKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void aSealedPayloadHoldsNeitherNameNorNumberAndOpensWithItsKey() throws Exception {
        PayloadSeal seal = PayloadSeal.random();
        byte[] stored = seal.seal(RAW);
        String asText = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("0912345678").doesNotContain("912345678").doesNotContain("hoTen");
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("Lê Văn Cường").doesNotContain("Cường");
        assertThat(PayloadSeal.isSealed(stored)).isTrue();
        assertThat(PayloadSeal.isSealed(Gzip.compress(RAW))).isFalse();
        assertThat(seal.open(stored)).isEqualTo(RAW);
        assertThat(seal.open(Gzip.compress(RAW))).as("plain payloads open as before").isEqualTo(RAW);
        assertThat(seal.seal(RAW)).as("a new nonce each time").isNotEqualTo(stored);
    }

    @Test
    void anotherKeyOrAnAlteredByteCannotOpenIt() {
        PayloadSeal seal = PayloadSeal.random();
        byte[] stored = seal.seal(RAW);
        assertThatThrownBy(() -> PayloadSeal.random().open(stored)).isInstanceOf(IOException.class).hasMessageContaining("not configured");
        byte[] altered = stored.clone();
        altered[altered.length - 3] = (byte) (altered[altered.length - 3] == 'A' ? 'B' : 'A');
        assertThatThrownBy(() -> seal.open(altered)).isInstanceOf(IOException.class);
    }

    @Test
    void aRotatedKeyStillOpensWhatTheOldOneSealed() throws Exception {
        String oldKey = newKey();
        String newKey = newKey();
        byte[] before = PayloadSeal.load(oldKey, null, null, true).seal(RAW);
        PayloadSeal rotated = PayloadSeal.load(newKey, null, oldKey, true);
        assertThat(rotated.open(before)).isEqualTo(RAW);
        assertThat(rotated.open(rotated.seal(RAW))).isEqualTo(RAW);
        assertThatThrownBy(() -> PayloadSeal.load(newKey, null, null, true).open(before)).isInstanceOf(IOException.class);
    }

    @Test
    void theProductionProfileRefusesTheDemoKeyAndAMissingOne() {
        assertThat(PayloadSeal.load(PayloadSeal.DEMO_KEY, null, null, false)).isNotNull();
        assertThatThrownBy(() -> PayloadSeal.load(PayloadSeal.DEMO_KEY, null, null, true)).isInstanceOf(GatewayConfigException.class)
                .hasMessageContaining("refuses the demo key");
        assertThatThrownBy(() -> PayloadSeal.load(" ", null, null, true)).isInstanceOf(GatewayConfigException.class)
                .hasMessageContaining("a key is needed");
        assertThatThrownBy(() -> PayloadSeal.load(Base64.getEncoder().encodeToString(new byte[16]), null, null, false))
                .isInstanceOf(GatewayConfigException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void theKeyFileWinsOverTheSetting() throws Exception {
        Path file = Files.createTempFile("payload-key", ".b64");
        String key = newKey();
        Files.writeString(file, key + "\n");
        PayloadSeal fromFile = PayloadSeal.load(PayloadSeal.DEMO_KEY, file.toString(), null, true);
        assertThat(PayloadSeal.load(key, null, null, true).open(fromFile.seal(RAW))).isEqualTo(RAW);
        assertThat(PayloadSeal.load(key, null, null, true).keyId()).isEqualTo(fromFile.keyId());
    }

    @Test
    void theShippedDefaultIsTheDemoKey() throws Exception {
        String yaml = Files.readString(Path.of("src/main/resources/application.yaml"));
        assertThat(yaml).contains("payload-key: " + PayloadSeal.DEMO_KEY);
        assertThat(List.of(Files.readString(Path.of("../gateway-config/application-prod.yaml"))))
                .allMatch(prod -> prod.contains("payload-key: ${LIENTHONG_MESSAGE_LOG_PAYLOAD_KEY:}"));
    }
}
