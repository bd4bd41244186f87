package vn.lienthong.gateway.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KindsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"khiếu nại, COMPLAINT", "Khieu nai, COMPLAINT", "KHIEU_NAI, COMPLAINT", "KN, COMPLAINT",
            "tố cáo, DENUNCIATION", "TO_CAO, DENUNCIATION", "to cao, DENUNCIATION", "TC, DENUNCIATION",
            "phản ánh, FEEDBACK", "PHAN_ANH, FEEDBACK", "pa, FEEDBACK", "Phản ảnh, FEEDBACK",
            "kiến nghị, PETITION", "KIEN_NGHI, PETITION", "'Kiến nghị, đề xuất', PETITION", "FEEDBACK, FEEDBACK"})
    void defaultWordsWithOrWithoutDiacritics(String word, String kind) {
        assertThat(Kinds.kind(word, Map.of())).contains(kind);
    }

    @Test
    void aSourcesOwnWordsComeFirstAndMayNameADefaultWord() {
        Map<String, String> source = Map.of("GOP_Y", "phản ánh", "KN", "PETITION", "Đơn thư", "DENUNCIATION");
        assertThat(Kinds.kind("góp ý", source)).contains("FEEDBACK");
        assertThat(Kinds.kind("KN", source)).contains("PETITION");
        assertThat(Kinds.kind("don thu", source)).contains("DENUNCIATION");
        assertThat(Kinds.kind("TRACUU", source)).isEmpty();
    }

    @Test
    void categoryCodes() {
        assertThat(Kinds.categoryCode("Tiêu cực, nhũng nhiễu", Map.of())).isEqualTo("TIEU_CUC_NHUNG_NHIEU");
        assertThat(Kinds.categoryCode("Đất đai", Map.of())).isEqualTo("DAT_DAI");
        assertThat(Kinds.categoryCode("LV01", Map.of("lv01", "dat dai"))).isEqualTo("DAT_DAI");
        assertThat(Kinds.key("x".repeat(60))).hasSize(40);
    }
}
