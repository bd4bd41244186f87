package vn.lienthong.gateway.normalize.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextRepairerTest {

    private static final TextOptions BODY = TextOptions.runningText(List.of(), false);

    private static RepairedText body(String text) {
        return TextRepairer.repair(text, BODY);
    }

    @Test
    void realParagraphAndLineBreaksStay() {
        String letter = "Kính gửi: Thanh tra tỉnh Phú Thọ\n"
                + "Tôi tên là Nguyễn Văn An, trú tại xã Sơn Đông.\n"
                + "Nay tôi làm đơn này phản ánh việc cán bộ xã đòi tiền.\n\n"
                + "Xin trân trọng cảm ơn.\nNgười viết đơn\nNguyễn Văn An";
        assertThat(body(letter).text()).isSameAs(letter);
    }

    @Test
    void aWordBrokenAcrossLinesIsJoinedWithoutSpaceEvenOutsideAWrappedParagraph() {
        RepairedText r = body("Tôi xin phản ánh việc cán bộ tiếp nhận hồ sơ tại Bộ phận Một cửa đòi thêm tiền ngoài quy đị\nnh.");
        assertThat(r.text()).endsWith("ngoài quy định.");
        assertThat(r.repairs()).containsExactly(new Repair("line-join", 91, 1, "\n", ""));
    }

    @Test
    void aWordWrappedParagraphIsJoinedWithSpacesAndKeepsItsLastBreak() {
        String wrapped = "Tôi xin phản ánh việc cán bộ tiếp nhận hồ sơ tại Bộ\n"
                + "phận Một cửa xã Tân Phú yêu cầu nộp thêm tiền ngoài quy\n"
                + "định khi làm thủ tục đăng ký hộ kinh doanh tại xã.\n"
                + "Người phản ánh: Hương";
        assertThat(body(wrapped).text()).isEqualTo("Tôi xin phản ánh việc cán bộ tiếp nhận hồ sơ tại Bộ phận Một cửa xã Tân Phú"
                + " yêu cầu nộp thêm tiền ngoài quy định khi làm thủ tục đăng ký hộ kinh doanh tại xã.\nNgười phản ánh: Hương");
    }

    @Test
    void fixedWidthWrappingSplitsWordsAndNumbers() {
        String text = "Sự việc xảy ra sáng ngày 12/3/2026, điện thoại liên hệ 016\n"
                + "8 345 6789. Đề nghị cơ quan chức năng xem xét, xử lý nghiê\n"
                + "m ngoài quy định hiện hành của pháp luật về tiếp công dân.";
        assertThat(body(text).text()).isEqualTo("Sự việc xảy ra sáng ngày 12/3/2026, điện thoại liên hệ 0168 345 6789."
                + " Đề nghị cơ quan chức năng xem xét, xử lý nghiêm ngoài quy định hiện hành của pháp luật về tiếp công dân.");
    }

    @Test
    void withoutEvidenceOfCutWordsABreakIsBetweenWords() {
        // a word wrapper that dropped the spaces: "ngo" + "ài" are both syllables, nothing says "ngoài"
        String text = "Đề nghị cơ quan chức năng xem xét và xử lý nghiêm minh ngo\n"
                + "ài quy định hiện hành của pháp luật về tiếp công dân nhé bà\n"
                + "con ở xã.";
        assertThat(body(text).text()).contains("minh ngo ài quy").contains("nhé bà con");
    }

    @Test
    void crlfLinesAreHandledLikeLf() {
        assertThat(body("Tôi xin phản ánh việc cán bộ tiếp nhận hồ sơ đòi tiền ngoài quy đị\r\nnh.").text())
                .endsWith("quy định.");
    }

    @Test
    void lostLettersAreReportedAndKept() {
        RepairedText r = body("Người phản ánh: Nguyễn Thị H??ơng, xã Tân Ph\uFFFD.");
        assertThat(r.text()).isEqualTo("Người phản ánh: Nguyễn Thị H??ơng, xã Tân Ph\uFFFD.");
        assertThat(r.damage()).containsExactly(
                new Damage(27, 6, "H??ơng", List.of("Hương"), false),
                new Damage(42, 3, "Ph\uFFFD", List.of(), false));
        assertThat(r.damaged()).isTrue();
    }

    @Test
    void fillingPutsInTheOnlySyllableThatFits() {
        RepairedText r = TextRepairer.repair("Nguyễn Thị H??ơng", TextOptions.runningText(List.of(), true));
        assertThat(r.text()).isEqualTo("Nguyễn Thị Hương");
        assertThat(r.repairs()).containsExactly(new Repair("fill", 11, 6, "H??ơng", "Hương"));
        assertThat(r.damage()).containsExactly(new Damage(11, 5, "H??ơng", List.of("Hương"), true));
        assertThat(r.damaged()).isFalse();
    }

    @Test
    void questionMarksThatArePunctuationOrSyntaxAreNotDamage() {
        for (String text : List.of("Tại sao?", "Vì sao??", "OK?", "Xem https://dichvucong.gov.vn/p?ma=1.001612 nhé",
                "<?xml version=\"1.0\"?>", "Có phải không ?")) {
            assertThat(body(text).damage()).as(text).isEmpty();
        }
        assertThat(body("Ông Nguyễn Văn Th? đã nhận tiền").damage()).extracting(Damage::text).containsExactly("Th?");
    }

    @Test
    void boilerplateIsStrippedAndEachRemovalReported() {
        TextOptions options = TextOptions.runningText(TextOptions.compile(List.of("^Gửi từ iPhone$", "\\[QC\\][^\\n]*")), false);
        RepairedText r = TextRepairer.repair("Nội dung phản ánh.\nGửi từ iPhone\nHết. [QC] Vay tiền nhanh", options);
        assertThat(r.text()).isEqualTo("Nội dung phản ánh.\nHết. ");
        assertThat(r.repairs()).extracting(Repair::kind, Repair::before)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("boilerplate", "Gửi từ iPhone\n"),
                        org.assertj.core.groups.Tuple.tuple("boilerplate", "[QC] Vay tiền nhanh"));
    }

    @Test
    void mojibakeInPartOfATextIsUndoneThereOnly() {
        RepairedText r = body("Họ tên: PhÃ¹ng VÄƒn Tháº¯ng, café “Sài Gòn”");
        assertThat(r.text()).isEqualTo("Họ tên: Phùng Văn Thắng, café “Sài Gòn”");
        assertThat(r.repairs()).extracting(Repair::kind).containsExactly("mojibake");
    }

    @Test
    void latin1ReadingWithC1ControlsIsUndoneToo() {
        // UTF-8 read as ISO-8859-1 keeps bytes 80..9F as C1 controls: "ộ" is E1 BB 99
        assertThat(body("Má»\u0099t cá»­a").text()).isEqualTo("Một cửa");
    }

    @Test
    void longSpansAreShownCut() {
        String nfd = java.text.Normalizer.normalize("Tiếng Việt ".repeat(40), java.text.Normalizer.Form.NFD);
        Repair nfc = body(nfd).repairs().get(0);
        assertThat(nfc.kind()).isEqualTo("nfc");
        assertThat(nfc.before()).hasSize(Repair.MAX_SHOWN + 1).endsWith("…");
        assertThat(nfc.length()).isGreaterThan(Repair.MAX_SHOWN);
    }
}
