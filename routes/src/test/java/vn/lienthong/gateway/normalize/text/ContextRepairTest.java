package vn.lienthong.gateway.normalize.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Repair from context on the failures that issue reported; each test fails without the context. */
class ContextRepairTest {

    private static final TextOptions FLAG = TextOptions.runningText(List.of(), false, true, 0, false);
    private static final TextOptions FILL = TextOptions.runningText(List.of(), true, true, 0, false);

    @Test
    void severalFittingSyllablesNoLongerMeanNoCandidate() {
        String text = "Các đơn vị tri??n khai thực hiện.";
        assertThat(TextRepairer.repair(text, TextOptions.runningText(List.of(), false)).damage().get(0).candidates()).isEmpty();

        Damage damage = TextRepairer.repair(text, FLAG).damage().get(0);
        assertThat(damage.candidates().get(0)).isEqualTo("triển");
        assertThat(damage.ranking().get(0).evidence()).containsExactly("dictionary:triển khai");
        assertThat(damage.filled()).isFalse();
    }

    @Test
    void theSameWordUndamagedInTheTextIsEvidence() {
        Damage damage = TextRepairer.repair("Một số đ??n vị chưa báo cáo; đơn vị nào chậm thì nhắc.", FLAG).damage().get(0);
        assertThat(damage.candidates().get(0)).isEqualTo("đơn");
        assertThat(damage.ranking().get(0).evidence()).contains("text:đơn vị");
    }

    @Test
    void damageCutByALineBreakIsOneDamagedWordAndTheBreakGoesWhenFilled() {
        String text = "Đường dây nóng và số điện tho?\n?i của cơ quan được công khai tại trụ sở tiếp công dân.";
        RepairedText flagged = TextRepairer.repair(text, FLAG);
        assertThat(flagged.damage()).hasSize(1);
        assertThat(flagged.damage().get(0).text()).isEqualTo("tho??i");

        RepairedText filled = TextRepairer.repair(text, FILL);
        assertThat(filled.text()).isEqualTo("Đường dây nóng và số điện thoại của cơ quan được công khai tại trụ sở tiếp công dân.");
    }

    @Test
    void aBreakBetweenWordsMidSentenceBecomesASpaceButListItemsKeepTheirs() {
        String text = "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ngành tập\ntrung chỉ đạo,\nthực hiện các nội dung sau:\n"
                + "1. Tiếp công dân định kỳ.\n2. Công khai đường dây nóng.";
        assertThat(TextRepairer.repair(text, FLAG).text()).isEqualTo("Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ngành tập "
                + "trung chỉ đạo, thực hiện các nội dung sau:\n1. Tiếp công dân định kỳ.\n2. Công khai đường dây nóng.");
    }

    @Test
    void aLotteryFooterIsFlaggedAndRemovedOnlyWhenTheSourceSaysSo() {
        String text = "Ủy ban nhân dân tỉnh yêu cầu các đơn vị triển khai ngay.\n\nNguồn bài viết : XS Thần tài Thứ Ba";
        RepairedText flagged = TextRepairer.repair(text, FLAG);
        assertThat(flagged.text()).isSameAs(text);
        assertThat(flagged.boilerplate()).extracting(FoundBoilerplate::reason).containsExactly("source-footer");

        RepairedText removed = TextRepairer.repair(text, TextOptions.runningText(List.of(), false, true, 0, true));
        assertThat(removed.text()).isEqualTo("Ủy ban nhân dân tỉnh yêu cầu các đơn vị triển khai ngay.");
        assertThat(removed.boilerplate().get(0).removed()).isTrue();
    }

    @Test
    void aConfidenceLimitLeavesCloseCallsUnfilled() {
        String text = "Tôi nộp hồ sơ tại Bộ phận Một c??a của xã.";
        TextOptions cautious = TextOptions.runningText(List.of(), true, true, 0.5, false);
        Damage damage = TextRepairer.repair(text, cautious).damage().get(0);
        assertThat(damage.candidates().get(0)).isEqualTo("cửa");
        assertThat(damage.filled()).isFalse();
        assertThat(TextRepairer.repair(text, FILL).text()).contains("Một cửa của");
    }
}
