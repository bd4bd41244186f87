package vn.lienthong.gateway.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.normalize.PhoneNumbers;

/** Folding, coding and part counting: what decides whether a reply fits in one or two SMS. */
class SmsTextTest {

    @Test
    void foldKeepsOneCharacterPerCharacter() {
        String text = "Đã nhận phản ánh, ĐỒNG Ý ư ơ";
        assertThat(SmsText.fold(text)).isEqualTo("Da nhan phan anh, DONG Y u o").hasSameSizeAs(text);
        assertThat(SmsText.key("Phản ánh!")).isEqualTo("PHANANH");
        assertThat(SmsText.key("t.c")).isEqualTo("TC");
    }

    @Test
    void gsmRepliesLoseDiacriticsAndCountExtensionCharactersTwice() {
        assertThat(SmsText.toGsm("Hồ sơ đã được tiếp nhận ✓")).isEqualTo("Ho so da duoc tiep nhan ?");
        assertThat(SmsText.units("a[b]", false)).isEqualTo(6);
        assertThat(SmsText.units("a[b]", true)).isEqualTo(4);
    }

    @Test
    void partsFollowTheSingleAndConcatenatedLimits() {
        assertThat(SmsText.parts("x".repeat(70), true)).isEqualTo(1);
        assertThat(SmsText.parts("x".repeat(71), true)).isEqualTo(2);
        assertThat(SmsText.parts("x".repeat(134), true)).isEqualTo(2);
        assertThat(SmsText.parts("x".repeat(135), true)).isEqualTo(3);
        assertThat(SmsText.parts("x".repeat(160), false)).isEqualTo(1);
        assertThat(SmsText.parts("x".repeat(306), false)).isEqualTo(2);
        assertThat(SmsText.parts("x".repeat(307), false)).isEqualTo(3);
    }

    @Test
    void fitCutsAtAWordAndMarksTheCut() {
        String long1 = "Hồ sơ đã chuyển " + "Ủy ban nhân dân xã Sơn Đông ".repeat(10);
        String fitted = SmsText.fit(long1, true, 2);
        assertThat(SmsText.parts(fitted, true)).isEqualTo(2);
        assertThat(fitted).endsWith("…").startsWith("Hồ sơ đã chuyển");
        assertThat(SmsText.fit("ngắn", true, 1)).isEqualTo("ngắn");
    }

    @Test
    void sendersInEveryFormKannelDeliversBecomeE164() {
        assertThat(PhoneNumbers.toE164("+84912345678")).contains("+84912345678");
        assertThat(PhoneNumbers.toE164("0388111222")).contains("+84388111222");
        assertThat(PhoneNumbers.toE164("84388111222")).contains("+84388111222");
    }
}
