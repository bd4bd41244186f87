package vn.lienthong.gateway.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.Map;
import java.util.Optional;

/** Vietnamese telephone numbers to E.164, applying the 2018 renumbering of 11-digit mobiles first. */
public final class PhoneNumbers {

    /**
     * One parser per thread: a PhoneNumberUtil keeps its compiled patterns in a cache behind a single
     * lock that every parse takes many times, and with a few hundred request threads (an SMS gateway
     * keeps hundreds of callbacks open) they queued on it — most of a benchmark's blocked time.
     * Metadata is loaded per instance, only for the regions used (Viet Nam, in practice).
     */
    private static final ThreadLocal<PhoneNumberUtil> UTIL = ThreadLocal.withInitial(
            () -> PhoneNumberUtil.createInstance(DefaultMetadataDependenciesProvider.getInstance().getMetadataLoader()));
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s.()\\-/]");

    /** Retired 11-digit mobile prefixes (national form) and their replacements since 2018. */
    private static final Map<String, String> RENUMBERED = Map.ofEntries(
            Map.entry("0162", "032"), Map.entry("0163", "033"), Map.entry("0164", "034"),
            Map.entry("0165", "035"), Map.entry("0166", "036"), Map.entry("0167", "037"),
            Map.entry("0168", "038"), Map.entry("0169", "039"),
            Map.entry("0120", "070"), Map.entry("0121", "079"), Map.entry("0122", "077"),
            Map.entry("0126", "076"), Map.entry("0128", "078"),
            Map.entry("0123", "083"), Map.entry("0124", "084"), Map.entry("0125", "085"),
            Map.entry("0127", "081"), Map.entry("0129", "082"),
            Map.entry("0186", "056"), Map.entry("0188", "058"),
            Map.entry("0199", "059"));

    private PhoneNumbers() {
    }

    /** A valid number in E.164, and whether the 2018 renumbering was applied to get it. */
    public record Normalized(String e164, boolean renumbered) {
    }

    /** The number in E.164, or empty when it is not a valid number. */
    public static Optional<String> toE164(String raw) {
        return normalize(raw).map(Normalized::e164);
    }

    public static Optional<Normalized> normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String national = renumber(raw);
        PhoneNumberUtil util = UTIL.get();
        try {
            PhoneNumber number = util.parse(national, "VN");
            if (!util.isValidNumber(number)) {
                return Optional.empty();
            }
            String e164 = util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            return Optional.of(new Normalized(e164, !national.equals(nationalForm(digits(raw)))));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Rewrites a pre-2018 11-digit mobile number to its current 10-digit national form. */
    static String renumber(String raw) {
        String digits = digits(raw);
        String national = nationalForm(digits);
        if (national.length() == 11 && national.startsWith("01")) {
            String replacement = RENUMBERED.get(national.substring(0, 4));
            if (replacement != null) {
                return replacement + national.substring(4);
            }
        }
        return national;
    }

    private static String digits(String raw) {
        return SEPARATORS.matcher(raw).replaceAll("");
    }

    /** +84…, 0084… and 84… (11 or 12 digits, as SMS gateways send it) to the national 0… form. */
    private static String nationalForm(String digits) {
        if (digits.startsWith("+84")) {
            return "0" + digits.substring(3);
        }
        if (digits.startsWith("0084")) {
            return "0" + digits.substring(4);
        }
        if (digits.startsWith("84") && (digits.length() == 11 || digits.length() == 12)) {
            return "0" + digits.substring(2);
        }
        return digits;
    }
}
