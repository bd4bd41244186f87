package vn.lienthong.gateway.intake.sms;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.gateway.intake.sms.SmsSourceDefinition.Action;
import vn.lienthong.gateway.record.TrackingCodes;

/**
 * Reads the keyword of a message the way citizens type it: in any case, with or without diacritics,
 * with spaces or punctuation inside ("Phản ánh", "P.A", "tra cuu"), followed by the content.
 */
public final class SmsCommandParser {

    /** Keywords of up to this many words ("PHAN ANH", "TRA CUU"). */
    private static final int MAX_KEYWORD_WORDS = 3;

    private final Map<String, Action> actionByKey = new HashMap<>();
    private final String defaultKind;
    private final String province;
    private final boolean recognizePlaces;
    private final Places places;

    public SmsCommandParser(SmsSourceDefinition sms, Places places) {
        sms.keywords().forEach((action, words) -> words.forEach(w -> actionByKey.put(SmsText.key(w), Action.valueOf(action))));
        this.defaultKind = sms.defaultKind() == null || sms.defaultKind().isBlank() ? null : sms.defaultKind();
        this.province = sms.location().provinceCode();
        this.recognizePlaces = sms.recognizePlaces();
        this.places = places;
    }

    private record Token(int start, int end) {
    }

    public SmsCommand parse(String message) {
        String text = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFC).strip();
        String folded = SmsText.fold(text).toUpperCase(Locale.ROOT);
        List<Token> tokens = tokens(folded);
        Action action = null;
        int contentStart = 0;
        StringBuilder key = new StringBuilder();
        for (int n = 0; n < Math.min(MAX_KEYWORD_WORDS, tokens.size()); n++) {
            key.append(folded, tokens.get(n).start(), tokens.get(n).end());
            Action candidate = actionByKey.get(key.toString());
            if (candidate != null) {
                action = candidate;
                contentStart = tokens.get(n).end();
            }
        }
        if (action == null && !tokens.isEmpty()) {
            Optional<SmsCommand> glued = gluedLookup(folded.substring(tokens.get(0).start(), tokens.get(0).end()));
            if (glued.isPresent()) {
                return glued.get();
            }
        }
        String content = stripLeadingPunctuation(text.substring(contentStart));
        if (action == null) {
            return defaultKind != null && !content.isEmpty() ? report(defaultKind, content) : new SmsCommand.Help();
        }
        return switch (action) {
            case FEEDBACK, DENUNCIATION, COMPLAINT, PETITION ->
                    content.isEmpty() ? new SmsCommand.Empty(action.name()) : report(action.name(), content);
            case LOOKUP -> new SmsCommand.Lookup(content);
            case HELP -> new SmsCommand.Help();
            case OPT_OUT -> new SmsCommand.OptOut();
            case OPT_IN -> new SmsCommand.OptIn();
        };
    }

    /** "TRACUUPA7K2M9QX4T": a lookup keyword typed without a space before a valid code. */
    private Optional<SmsCommand> gluedLookup(String firstToken) {
        for (Map.Entry<String, Action> e : actionByKey.entrySet()) {
            if (e.getValue() == Action.LOOKUP && firstToken.startsWith(e.getKey())) {
                String rest = firstToken.substring(e.getKey().length());
                if (TrackingCodes.parse(rest).isPresent()) {
                    return Optional.of(new SmsCommand.Lookup(rest));
                }
            }
        }
        return Optional.empty();
    }

    private SmsCommand report(String kind, String content) {
        Places.Place place = null;
        if (recognizePlaces) {
            List<String> words = new ArrayList<>();
            String folded = SmsText.fold(content).toUpperCase(Locale.ROOT);
            tokens(folded).forEach(t -> words.add(folded.substring(t.start(), t.end())));
            place = places.find(words, province).orElse(null);
        } else if (province != null) {
            place = places.province(province).orElse(null);
        }
        return new SmsCommand.Report(kind, content, place);
    }

    private static List<Token> tokens(String folded) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            while (i < folded.length() && !isWordChar(folded.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < folded.length() && isWordChar(folded.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(new Token(start, i));
            }
        }
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || Character.isLetter(c);
    }

    private static String stripLeadingPunctuation(String s) {
        int i = 0;
        while (i < s.length() && !Character.isLetterOrDigit(s.charAt(i)) && s.charAt(i) != '"' && s.charAt(i) != '(') {
            i++;
        }
        return s.substring(i).strip();
    }
}
