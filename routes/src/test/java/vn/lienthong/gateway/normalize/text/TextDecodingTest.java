package vn.lienthong.gateway.normalize.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    private static final String TEXT = "Tôi xin phản ánh việc cán bộ xã đòi thêm tiền khi làm hồ sơ.";

    @Test
    void utf16WithoutBomAsSmsGatewaysSendIt() {
        assertThat(TextDecoding.detect(TEXT.getBytes(StandardCharsets.UTF_16BE)))
                .isEqualTo(new TextDecoding.Decoded(TEXT, "UTF-16BE"));
        assertThat(TextDecoding.detect(TEXT.getBytes(StandardCharsets.UTF_16LE)))
                .isEqualTo(new TextDecoding.Decoded(TEXT, "UTF-16LE"));
        assertThat(TextDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_16BE), null, "UCS-2").text()).isEqualTo(TEXT);
    }

    @Test
    void byteOrderMarksWinOverEverything() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertThat(TextDecoding.decode(withBom, "windows-1252", "TCVN3")).isEqualTo(new TextDecoding.Decoded(TEXT, "UTF-8"));
        assertThat(TextDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_16), null, "auto").encoding()).isEqualTo("UTF-16BE");
    }

    @Test
    void plainAsciiAndUtf8AreReadAsTheyAre() {
        assertThat(TextDecoding.detect("Xin chao".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(new TextDecoding.Decoded("Xin chao", "US-ASCII"));
        assertThat(TextDecoding.detect(TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(new TextDecoding.Decoded(TEXT, "UTF-8"));
    }

    @Test
    void aDeclaredEncodingIsUsedAsDeclared() {
        byte[] tcvn = LegacyCharset.TCVN3.encode(TEXT);
        assertThat(TextDecoding.decode(tcvn, null, "TCVN3")).isEqualTo(new TextDecoding.Decoded(TEXT, "TCVN3"));
        assertThat(TextDecoding.decode(tcvn, "tcvn", "auto").encoding()).isEqualTo("TCVN3");
    }

    @Test
    void aWronglyDeclaredUtf8IsDetectedAndSaidSo() {
        byte[] vni = LegacyCharset.VNI_WINDOWS.encode(TEXT);
        assertThat(TextDecoding.decode(vni, "UTF-8", "auto"))
                .isEqualTo(new TextDecoding.Decoded(TEXT, "VNI-Windows (declared UTF-8)"));
    }

    @Test
    void eachLegacyEncodingIsDetected() {
        for (LegacyCharset charset : LegacyCharset.values()) {
            assertThat(TextDecoding.detect(charset.encode(TEXT))).as(charset.name())
                    .isEqualTo(new TextDecoding.Decoded(TEXT, charset.displayName()));
        }
    }

    @Test
    void westernTextWithoutVietnameseFallsBackToWindows1252() {
        byte[] french = "Le café est très bon à Paris".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(TextDecoding.detect(french).encoding()).isEqualTo("windows-1252");
    }

    @Test
    void anUnknownEncodingNameIsAnError() {
        assertThatThrownBy(() -> TextDecoding.decode(new byte[] {65}, null, "klingon-8"))
                .isInstanceOf(TextDecoding.UnsupportedEncodingNameException.class)
                .hasMessageContaining("klingon-8");
    }

    /** Regression: one invalid byte in declared UTF-8 re-decoded the whole text as a legacy encoding ("đường" → "đưá»�ng"). */
    @Test
    void declaredUtf8WithOneInvalidByteIsRefusedNotReDecoded() {
        byte[] good = ("Đường " + TEXT).getBytes(StandardCharsets.UTF_8);
        byte[] damaged = java.util.Arrays.copyOf(good, good.length + 1);
        damaged[good.length] = (byte) 0xFF;
        assertThatThrownBy(() -> TextDecoding.decode(damaged, "UTF-8", "auto"))
                .isInstanceOf(TextDecoding.InvalidBytesException.class)
                .hasMessageContaining("1 byte(s) are not UTF-8").hasMessageContaining("offset " + good.length);
        assertThatThrownBy(() -> TextDecoding.decode(damaged, null, "UTF-8")).isInstanceOf(TextDecoding.InvalidBytesException.class);
        // a truncated sequence in the middle of the text is as damaged
        byte[] cut = ("Đường " + TEXT).getBytes(StandardCharsets.UTF_8);
        cut[2] = (byte) 'x';
        assertThatThrownBy(() -> TextDecoding.decode(cut, "utf8", null)).isInstanceOf(TextDecoding.InvalidBytesException.class);
    }

    @Test
    void declaredUtf8OverASourceConfiguredWithALegacyEncodingIsReadInThatEncoding() {
        for (LegacyCharset charset : LegacyCharset.values()) {
            assertThat(TextDecoding.decode(charset.encode(TEXT), "UTF-8", charset.displayName())).as(charset.name())
                    .isEqualTo(new TextDecoding.Decoded(TEXT, charset.displayName()));
        }
    }

    @Test
    void legacyBytesMislabelledAsUtf8AreNotMistakenForDamagedUtf8() {
        for (LegacyCharset charset : LegacyCharset.values()) {
            byte[] legacy = charset.encode(TEXT + " Nguyễn Thị Hương, đường Lê Lợi, phường Bến Thành.");
            TextDecoding.Utf8Damage damage = TextDecoding.utf8Damage(legacy);
            assertThat(damage.valid()).as(charset.name()).isLessThan(damage.invalid());
        }
    }
}
