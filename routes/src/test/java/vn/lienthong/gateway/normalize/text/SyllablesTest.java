package vn.lienthong.gateway.normalize.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyllablesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Kính", "gửi", "người", "Nguyễn", "nghiêng", "khuỷu", "quyết", "quý", "Quỳnh", "giữ", "gìn",
            "giếng", "của", "cửa", "hòa", "hoà", "thuở", "xoong", "ương", "yêu", "oanh", "khuya", "tuýp", "Đắk", "Lắk",
            "thoại", "rượu", "ngoằn", "ĐIỆN", "a", "ý", "ỉa", "kỹ", "sỹ", "gì", "ghế", "nghỉ", "kê", "tiếp", "Việt"})
    void acceptsVietnameseSyllables(String word) {
        assertThat(Syllables.isSyllable(word)).as(word).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nh", "Ng", "việ", "ngh", "nt", "ka", "ci", "ge", "nge", "at", "gii", "iên", "coa", "quu",
            "gyl", "Kiình", "Tiỡnh", "fax", "zalo", "ươ", "hoaà", "muà", "cưả", "ngưòi", "xin1", "tôi nói"})
    void rejectsWhatNoVietnameseSyllableIs(String word) {
        assertThat(Syllables.isSyllable(word)).as(word).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cá", "ngo", "ốc", "hoá", "đị", "chứ", "uyển"})
    void fragmentsThatAreWholeSyllablesToo(String word) {
        // a line broken after "cá" (cán) or "chứ" (chức) cannot be told from two words by these alone
        assertThat(Syllables.isSyllable(word)).as(word).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"át", "ạt", "úc", "ếch", "ịch"})
    void stopFinalsTakeOnlySacOrNang(String word) {
        assertThat(Syllables.isSyllable(word)).isTrue();
        String grave = word.replace('á', 'à').replace('ạ', 'ả').replace('ú', 'ù').replace('ế', 'ề').replace('ị', 'ì');
        assertThat(Syllables.isSyllable(grave)).as(grave).isFalse();
    }
}
