package vn.lienthong.gateway.intake.sms;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import vn.lienthong.gateway.intake.sms.SmsSourceDefinition.Reply;
import vn.lienthong.gateway.normalize.SourceNormalization;
import vn.lienthong.gateway.tracking.CaseStatus;

/** A short code's reply templates, filled in and made to fit the short code's coding and two parts. */
public final class SmsReplies {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SmsSourceDefinition sms;

    public SmsReplies(SmsSourceDefinition sms) {
        this.sms = sms;
    }

    public boolean unicode() {
        return sms.isUnicode();
    }

    public String text(Reply reply) {
        return text(reply, Map.of());
    }

    /** @param values placeholder values besides {@code shortCode} */
    public String text(Reply reply, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("shortCode", sms.shortCode());
        return render(sms.reply(reply), all, sms.isUnicode());
    }

    public String kindName(String kind) {
        return sms.kindNames().getOrDefault(kind, kind);
    }

    public String statusName(CaseStatus status) {
        return sms.statusNames().getOrDefault(status.name(), status.name());
    }

    public static String date(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(SourceNormalization.VIETNAM).format(DATE);
    }

    /** Fills {@code {name}} placeholders; without unicode the text loses its diacritics; cut to two parts at most. */
    static String render(String template, Map<String, String> values, boolean unicode) {
        return SmsText.fit(fill(template, values, unicode), unicode, SmsSourceDefinition.MAX_PARTS);
    }

    /** The filled template, whatever its length. */
    static String fill(String template, Map<String, String> values, boolean unicode) {
        Matcher m = SmsSourceDefinition.PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        String text = out.toString().replaceAll("\\s+", " ").strip();
        return unicode ? text : SmsText.toGsm(text);
    }
}
