package vn.lienthong.gateway.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tracking codes citizens read aloud, type on a phone keypad and quote on the hotline:
 * a two-letter prefix for the kind ({@code PA} phản ánh, {@code KN} khiếu nại, {@code TC} tố cáo,
 * {@code KG} kiến nghị, {@code HS} hồ sơ), eight characters from an alphabet without O/0 and I/1,
 * and a Luhn mod 32 check character that catches any single mistyped character and most swaps of
 * neighbours. The code is derived from the record id, so a resubmission gets the same code.
 * <p>
 * 40 bits per prefix: among a million records of one kind the chance that a given code is shared
 * is one in a million; lookups that need certainty also check the reporter's number.
 */
public final class TrackingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int N = ALPHABET.length();
    private static final int BODY_LENGTH = 8;

    private static final Map<String, String> PREFIX = Map.of(
            "FEEDBACK", "PA",
            "COMPLAINT", "KN",
            "DENUNCIATION", "TC",
            "PETITION", "KG",
            "SERVICE_RECORD", "HS");

    private TrackingCodes() {
    }

    /** The code for a record of this kind ({@code SERVICE_RECORD} for online-service dossiers). */
    public static String forRecord(String kind, UUID id) {
        String prefix = PREFIX.getOrDefault(kind, "PA");
        byte[] digest = sha256(id.toString());
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        StringBuilder code = new StringBuilder(prefix);
        for (int i = BODY_LENGTH - 1; i >= 0; i--) {
            code.append(ALPHABET.charAt((int) ((bits >>> (5 * i)) & 0x1f)));
        }
        return code.append(checkCharacter(code)).toString();
    }

    /**
     * A code as a person typed it, cleaned (case, spaces, dashes) and checked; empty when it cannot be
     * a tracking code.
     */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-.]", "");
        if (code.length() != 2 + BODY_LENGTH + 1 || !PREFIX.containsValue(code.substring(0, 2))) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        char expected = checkCharacter(code.substring(0, code.length() - 1));
        return expected == code.charAt(code.length() - 1) ? Optional.of(code) : Optional.empty();
    }

    /** Luhn mod N over the alphabet. */
    static char checkCharacter(CharSequence input) {
        int factor = 2;
        int sum = 0;
        for (int i = input.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(input.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
