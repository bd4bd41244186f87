package vn.lienthong.gateway.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keywords as citizens type them, on the shipped short code 8079 (Phú Thọ). */
class SmsCommandParserTest {

    final SmsCommandParser parser = new SmsCommandParser(SmsFixtures.SMS, Places.shipped());

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PA can bo xa Son Dong doi tien             | FEEDBACK     | can bo xa Son Dong doi tien
            pa Cho hoi thu tuc cap lai CCCD            | FEEDBACK     | Cho hoi thu tuc cap lai CCCD
            Phản ánh: đường hỏng                       | FEEDBACK     | đường hỏng
            P.A. đường hỏng                            | FEEDBACK     | đường hỏng
            phan anh - duong hong                      | FEEDBACK     | duong hong
            TC Cán bộ địa chính xã Mỹ Thuận nhận tiền  | DENUNCIATION | Cán bộ địa chính xã Mỹ Thuận nhận tiền
            Tố cáo cán bộ thuế                         | DENUNCIATION | cán bộ thuế
            kn quyết định thu hồi đất                  | COMPLAINT    | quyết định thu hồi đất
            KNGH mở rộng đường                         | PETITION     | mở rộng đường
            Kiến nghị, mở rộng đường                   | PETITION     | mở rộng đường
            """)
    void reportKeywordsInAnyCaseDiacriticsAndPunctuation(String message, String kind, String body) {
        SmsCommand command = parser.parse(message);
        assertThat(command).isInstanceOf(SmsCommand.Report.class);
        SmsCommand.Report report = (SmsCommand.Report) command;
        assertThat(report.kind()).isEqualTo(kind);
        assertThat(report.body()).isEqualTo(body);
    }

    @Test
    void otherActions() {
        assertThat(parser.parse("TRACUU PA7K2M9Q")).isEqualTo(new SmsCommand.Lookup("PA7K2M9Q"));
        assertThat(parser.parse("tra cứu pa-7k2m")).isEqualTo(new SmsCommand.Lookup("pa-7k2m"));
        assertThat(parser.parse("hd")).isInstanceOf(SmsCommand.Help.class);
        assertThat(parser.parse("Help!")).isInstanceOf(SmsCommand.Help.class);
        assertThat(parser.parse("TUCHOI")).isInstanceOf(SmsCommand.OptOut.class);
        assertThat(parser.parse("huỷ")).isInstanceOf(SmsCommand.OptOut.class);
        assertThat(parser.parse("dang ky")).isInstanceOf(SmsCommand.OptIn.class);
        assertThat(parser.parse("PA")).isEqualTo(new SmsCommand.Empty("FEEDBACK"));
        assertThat(parser.parse("TC ...")).isEqualTo(new SmsCommand.Empty("DENUNCIATION"));
    }

    @Test
    void aLookupCodeTypedWithoutSpaceIsStillALookup() {
        String code = vn.lienthong.gateway.record.TrackingCodes.forRecord("FEEDBACK", java.util.UUID.randomUUID());
        assertThat(parser.parse("TRACUU" + code.toLowerCase())).isEqualTo(new SmsCommand.Lookup(code));
    }

    @Test
    void withoutKeywordTheAnswerIsHelpUnlessTheShortCodeHasADefaultKind() {
        assertThat(parser.parse("xin chao")).isInstanceOf(SmsCommand.Help.class);
        assertThat(parser.parse("")).isInstanceOf(SmsCommand.Help.class);
        assertThat(parser.parse("PAcan bo")).isInstanceOf(SmsCommand.Help.class);

        SmsSourceDefinition withDefault = new SmsSourceDefinition("8079", true, SmsFixtures.SMS.keywords(), "FEEDBACK",
                SmsFixtures.SMS.location(), List.of(), null, null, null, null, Map.of(), Map.of(), Map.of());
        SmsCommand command = new SmsCommandParser(withDefault, Places.shipped()).parse("xin chao, duong hong");
        assertThat(command).isInstanceOf(SmsCommand.Report.class);
        assertThat(((SmsCommand.Report) command).body()).isEqualTo("xin chao, duong hong");
    }

    @Test
    void aCommuneNamedInTheTextIsTheLocation() {
        SmsCommand.Report report = (SmsCommand.Report) parser.parse("PA can bo xa Son Dong doi tien khi lam ho so kinh doanh");
        assertThat(report.place()).isEqualTo(new Places.Place("25", "Phú Thọ", "08866", "Xã Sơn Đông"));
    }

    @Test
    void anUnknownCommuneLeavesTheShortCodesProvince() {
        // Mỹ Thuận (Phú Thọ) was merged into Minh Đài on 1 July 2025; other Mỹ Thuận are in other provinces
        SmsCommand.Report report = (SmsCommand.Report) parser.parse("TC Cán bộ địa chính xã Mỹ Thuận nhận tiền");
        assertThat(report.place()).isEqualTo(new Places.Place("25", "Phú Thọ", null, null));
    }
}
