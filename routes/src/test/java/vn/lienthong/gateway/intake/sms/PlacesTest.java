package vn.lienthong.gateway.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Place names in SMS text, among the 34 provinces and 3,321 communes in force since 1 July 2025. */
class PlacesTest {

    final Places places = Places.shipped();

    static List<String> words(String text) {
        return Arrays.stream(SmsText.fold(text).toUpperCase().split("[^A-Z0-9]+")).filter(w -> !w.isEmpty()).toList();
    }

    @Test
    void aCommuneAfterItsMarkerWithinTheShortCodesProvince() {
        assertThat(places.find(words("cán bộ xã Sơn Đông đòi tiền"), "25"))
                .contains(new Places.Place("25", "Phú Thọ", "08866", "Xã Sơn Đông"));
        assertThat(places.find(words("phuong Ba Dinh ngap nuoc"), "01"))
                .contains(new Places.Place("01", "Hà Nội", "00004", "Phường Ba Đình"));
    }

    @Test
    void aNameGluedIntoOneWordRightAfterTheKeyword() {
        assertThat(places.find(words("SONDONG duong hong"), "25")).get()
                .extracting(Places.Place::communeCode).isEqualTo("08866");
    }

    @Test
    void aProvinceMarkerMovesTheSearch() {
        assertThat(places.find(words("tinh Vinh Long phuong Son Dong"), "25")).get()
                .extracting(Places.Place::provinceCode, Places.Place::communeCode).containsExactly("86", "28783");
        assertThat(places.find(words("thanh pho Hai Phong"), null)).get()
                .extracting(Places.Place::provinceName).isEqualTo("Hải Phòng");
    }

    @Test
    void withoutAProvinceOnlyANameUniqueNationwideCounts() {
        // four communes are called Sơn Đông/Sơn Đồng/Sơn Động after folding
        assertThat(places.find(words("xa Son Dong"), null)).isEmpty();
        assertThat(places.find(words("không có địa danh"), "25")).contains(new Places.Place("25", "Phú Thọ", null, null));
    }
}
