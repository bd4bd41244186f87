package vn.lienthong.gateway.intake.sms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;
import vn.lienthong.gateway.normalize.PhoneNumbers;
import vn.lienthong.gateway.security.ApiKeys;
import vn.lienthong.gateway.tracking.CaseStatus;

/**
 * The {@code sms:} block of a source YAML: one short code, its keywords, reply templates and limits.
 *
 * @param shortCode       the number citizens text (also the sender of every reply)
 * @param unicode         replies with diacritics (UCS-2, 70 characters a part) or without (GSM-7, 160)
 * @param keywords        action → the words that ask for it (case, diacritics, spaces and punctuation ignored)
 * @param defaultKind     kind of a message without keyword; empty: such a message gets the help reply
 * @param location        province of the short code and whether place names in the text are recognized
 * @param operatorNumbers E.164 numbers that may look up any case by SMS
 * @param rateLimit       messages one number may send in a period; one polite reply, then silence
 * @param dedupWindow     without a gateway message id, the same sender and text within this window is one message
 * @param kannel          how the Kannel callback authenticates
 * @param outboundVia     path of status notifications ({@code kannel} or {@code smpp}); a reply takes the path its message came by
 * @param kindNames       each kind as the replies name it
 * @param statusNames     each case status as the replies name it
 * @param replies         reply templates by name
 */
public record SmsSourceDefinition(
        String shortCode,
        Boolean unicode,
        Map<String, List<String>> keywords,
        String defaultKind,
        Location location,
        List<String> operatorNumbers,
        RateLimit rateLimit,
        String dedupWindow,
        Kannel kannel,
        String outboundVia,
        Map<String, String> kindNames,
        Map<String, String> statusNames,
        Map<String, String> replies) {

    /** What a keyword asks for. The first four file a record of that kind. */
    public enum Action { FEEDBACK, DENUNCIATION, COMPLAINT, PETITION, LOOKUP, HELP, OPT_OUT, OPT_IN;

        public boolean isReport() {
            return ordinal() <= PETITION.ordinal();
        }
    }

    /** The replies a source must define, and the placeholders each may use. */
    public enum Reply {
        ACK("ack", "code", "kind", "shortCode"),
        HELP("help", "shortCode"),
        LOOKUP("lookup", "code", "status", "date", "shortCode"),
        NOT_FOUND("notFound", "code", "shortCode"),
        LOOKUP_UNAVAILABLE("lookupUnavailable", "shortCode"),
        EMPTY("empty", "kind", "shortCode"),
        RATE_LIMITED("rateLimited", "shortCode"),
        FAILED("failed", "shortCode"),
        OPT_OUT("optOut", "shortCode"),
        OPT_IN("optIn", "shortCode"),
        STATUS_CHANGED("statusChanged", "code", "status", "date", "shortCode");

        private final String key;
        private final List<String> placeholders;

        Reply(String key, String... placeholders) {
            this.key = key;
            this.placeholders = List.of(placeholders);
        }

        public String key() {
            return key;
        }

        public List<String> placeholders() {
            return placeholders;
        }
    }

    public static final String KANNEL = "kannel";
    public static final String SMPP = "smpp";
    /** Every reply must fit in this many parts. */
    public static final int MAX_PARTS = 2;
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** @param provinceCode province the short code serves (two digits, since 1 July 2025); @param recognizePlaces look for commune names in the text */
    public record Location(String provinceCode, Boolean recognizePlaces) {
    }

    /** @param messages how many messages; @param per in what period, e.g. {@code 1h} */
    public record RateLimit(Integer messages, String per) {
    }

    /**
     * @param secretSha256 SHA-256 of each accepted shared secret ({@code secret} query parameter or {@code X-Gateway-Secret} header)
     * @param allowFrom    addresses or CIDR ranges Kannel calls from
     * @param zone         zone of the time Kannel writes for {@code %t} and {@code X-Kannel-Time} (UTC unless set)
     * @param replyInAnswer the reply to a message is the body of the gateway's HTTP answer, and Kannel sends
     *                     it (the default; the sms-service needs {@code max-messages = 2}); false: it goes
     *                     through the durable outbox and Kannel's sendsms, like status notifications
     */
    public record Kannel(List<String> secretSha256, List<String> allowFrom, String zone, Boolean replyInAnswer) {
        public Kannel {
            secretSha256 = secretSha256 == null ? List.of() : List.copyOf(secretSha256);
            allowFrom = allowFrom == null ? List.of() : List.copyOf(allowFrom);
            replyInAnswer = replyInAnswer == null || replyInAnswer;
        }
    }

    public SmsSourceDefinition {
        unicode = unicode == null || unicode;
        keywords = keywords == null ? Map.of() : Map.copyOf(keywords);
        location = location == null ? new Location(null, true) : location;
        operatorNumbers = operatorNumbers == null ? List.of() : List.copyOf(operatorNumbers);
        rateLimit = rateLimit == null ? new RateLimit(10, "1h") : rateLimit;
        dedupWindow = dedupWindow == null ? "10m" : dedupWindow;
        kannel = kannel == null ? new Kannel(null, null, null, null) : kannel;
        outboundVia = outboundVia == null ? KANNEL : outboundVia.toLowerCase(Locale.ROOT);
        kindNames = kindNames == null ? Map.of() : Map.copyOf(kindNames);
        statusNames = statusNames == null ? Map.of() : Map.copyOf(statusNames);
        replies = replies == null ? Map.of() : Map.copyOf(replies);
    }

    public boolean isUnicode() {
        return unicode;
    }

    public Duration dedupWindowDuration() {
        return DurationStyle.detectAndParse(dedupWindow);
    }

    public Duration rateLimitPeriod() {
        return DurationStyle.detectAndParse(rateLimit.per());
    }

    public boolean recognizePlaces() {
        return location.recognizePlaces() == null || location.recognizePlaces();
    }

    public String reply(Reply reply) {
        return replies.get(reply.key());
    }

    /** The demo shared secret of a source ({@code demo-<id>-secret}), refused by the production profile. */
    public static boolean isDemoSecretHash(String sourceId, String hash) {
        return ApiKeys.sha256Hex("demo-" + sourceId + "-secret").equalsIgnoreCase(hash);
    }

    /** Every problem of this block, each prefixed with {@code sms.}. */
    public List<String> problems(String sourceId, boolean production) {
        List<String> problems = new ArrayList<>();
        if (shortCode == null || !shortCode.matches("[0-9A-Za-z]{2,15}")) {
            problems.add("sms.shortCode must be 2 to 15 digits or letters");
        }
        checkKeywords(problems);
        if (defaultKind != null && !defaultKind.isBlank() && Arrays.stream(Action.values()).noneMatch(a -> a.isReport() && a.name().equals(defaultKind))) {
            problems.add("sms.defaultKind '" + defaultKind + "' is not a kind (FEEDBACK, DENUNCIATION, COMPLAINT, PETITION)");
        }
        if (location.provinceCode() != null && !Places.shipped().isProvince(location.provinceCode())) {
            problems.add("sms.location.provinceCode '" + location.provinceCode() + "' is not a province code in force since 1 July 2025");
        }
        for (String number : operatorNumbers) {
            if (PhoneNumbers.toE164(number).filter(number::equals).isEmpty()) {
                problems.add("sms.operatorNumbers: '" + number + "' is not a number in E.164 form (+84...)");
            }
        }
        if (rateLimit.messages() == null || rateLimit.messages() < 1) {
            problems.add("sms.rateLimit.messages must be at least 1");
        }
        checkDuration("sms.rateLimit.per", rateLimit.per(), problems);
        checkDuration("sms.dedupWindow", dedupWindow, problems);
        for (String hash : kannel.secretSha256()) {
            if (hash == null || !hash.matches("[0-9a-fA-F]{64}")) {
                problems.add("sms.kannel.secretSha256 entries must be 64 hex digits (java -jar lienthong-gateway.jar new-api-key)");
            } else if (production && isDemoSecretHash(sourceId, hash)) {
                problems.add("the production profile refuses the demo Kannel secret of " + sourceId);
            }
        }
        for (String range : kannel.allowFrom()) {
            try {
                AddressRange.parse(range);
            } catch (IllegalArgumentException e) {
                problems.add("sms.kannel.allowFrom: " + e.getMessage());
            }
        }
        if (kannel.zone() != null) {
            try {
                java.time.ZoneId.of(kannel.zone());
            } catch (RuntimeException e) {
                problems.add("sms.kannel.zone '" + kannel.zone() + "' is not a time zone");
            }
        }
        if (!outboundVia.equals(KANNEL) && !outboundVia.equals(SMPP)) {
            problems.add("sms.outboundVia must be kannel or smpp");
        }
        for (Action kind : Action.values()) {
            if (kind.isReport() && (kindNames.get(kind.name()) == null || kindNames.get(kind.name()).isBlank())) {
                problems.add("sms.kindNames." + kind.name() + " is missing");
            }
        }
        for (CaseStatus status : CaseStatus.values()) {
            if (statusNames.get(status.name()) == null || statusNames.get(status.name()).isBlank()) {
                problems.add("sms.statusNames." + status.name() + " is missing");
            }
        }
        checkReplies(problems);
        return problems;
    }

    private void checkKeywords(List<String> problems) {
        Map<String, String> seen = new HashMap<>();
        keywords.forEach((action, words) -> {
            if (Arrays.stream(Action.values()).noneMatch(a -> a.name().equals(action))) {
                problems.add("sms.keywords." + action + ": unknown action (" + Arrays.toString(Action.values()) + ")");
                return;
            }
            for (String word : words == null ? List.<String>of() : words) {
                String key = word == null ? "" : SmsText.key(word);
                if (key.isEmpty()) {
                    problems.add("sms.keywords." + action + ": a keyword needs letters or digits");
                } else if (seen.containsKey(key) && !seen.get(key).equals(action)) {
                    problems.add("sms.keywords: '" + word + "' is a keyword of both " + seen.get(key) + " and " + action);
                } else {
                    seen.put(key, action);
                }
            }
        });
        for (Action action : List.of(Action.FEEDBACK, Action.LOOKUP, Action.HELP)) {
            if (keywords.get(action.name()) == null || keywords.get(action.name()).isEmpty()) {
                problems.add("sms.keywords." + action + " needs at least one keyword");
            }
        }
    }

    private void checkReplies(List<String> problems) {
        for (String key : replies.keySet()) {
            if (Arrays.stream(Reply.values()).noneMatch(r -> r.key().equals(key))) {
                problems.add("sms.replies." + key + ": unknown reply (" + Arrays.stream(Reply.values()).map(Reply::key).toList() + ")");
            }
        }
        for (Reply reply : Reply.values()) {
            String template = replies.get(reply.key());
            if (template == null || template.isBlank()) {
                problems.add("sms.replies." + reply.key() + " is missing");
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                if (!reply.placeholders().contains(m.group(1))) {
                    problems.add("sms.replies." + reply.key() + ": unknown placeholder {" + m.group(1) + "} (" + reply.placeholders() + ")");
                }
            }
            String longest = SmsReplies.fill(template, worstCase(), isUnicode());
            int parts = SmsText.parts(longest, isUnicode());
            if (parts > MAX_PARTS) {
                problems.add("sms.replies." + reply.key() + " needs " + parts + " parts with the longest values (at most "
                        + MAX_PARTS + "; " + (isUnicode() ? SmsText.UCS2_CONCATENATED * MAX_PARTS + " characters with diacritics"
                        : SmsText.GSM_CONCATENATED * MAX_PARTS + " characters without") + ")");
            }
        }
    }

    /** Placeholder values at their longest, to check that every reply fits. */
    private Map<String, String> worstCase() {
        Map<String, String> values = new HashMap<>();
        values.put("code", "PA23456789A");
        values.put("date", "31/12/2099");
        values.put("shortCode", shortCode == null ? "" : shortCode);
        values.put("kind", longestOf(kindNames));
        values.put("status", longestOf(statusNames));
        return values;
    }

    private static String longestOf(Map<String, String> names) {
        return names.values().stream().filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.comparingInt(String::length)).orElse("");
    }

    private static void checkDuration(String name, String value, List<String> problems) {
        try {
            if (value == null || DurationStyle.detectAndParse(value).isNegative() || DurationStyle.detectAndParse(value).isZero()) {
                problems.add(name + " must be a positive duration like 10m or 1h");
            }
        } catch (IllegalArgumentException e) {
            problems.add(name + " '" + value + "' is not a duration like 10m or 1h");
        }
    }
}
