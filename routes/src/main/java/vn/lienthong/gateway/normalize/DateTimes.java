package vn.lienthong.gateway.normalize;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as sources write them, to ISO-8601 with an offset: {@code dd/MM/yyyy},
 * {@code dd/MM/yyyy HH:mm[:ss]} (or the time first), ISO-8601, "ngày 17 tháng 6 năm 2026" (with or
 * without diacritics, optionally "lúc 8 giờ 5"), and epoch seconds or milliseconds. Local times are in
 * the source's zone (Asia/Ho_Chi_Minh unless set) unless an offset is given. A value that has the
 * shape of a date but cannot exist (31/02, month 13, year before 1900) is "impossible", not merely
 * unreadable.
 */
public final class DateTimes {

    private static final int EARLIEST_YEAR = 1900;
    /** Clocks of sources drift; a few minutes ahead of the gateway is not "the future". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final String TIME = "(\\d{1,2})\\s*(?::|h|gio)\\s*(\\d{1,2})?(?:\\s*(?::|phut)\\s*(\\d{1,2})?)?(?:\\s*giay)?";
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*([Zz]|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?:" + TIME + "\\s*,?\\s*)?(?:ngay\\s+)?(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?:\\s*,?\\s*(?:luc\\s+)?" + TIME + ")?");
    private static final Pattern WORDS = Pattern.compile(
            "(?:(?:luc\\s+)?" + TIME + "\\s*,?\\s*)?(?:ngay\\s+)?(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+(\\d{4})"
                    + "(?:\\s*,?\\s*(?:luc\\s+)?" + TIME + ")?");
    private static final Pattern EPOCH = Pattern.compile("\\d{9,10}|\\d{12,13}");

    /** RFC 3339 / ISO-8601 with offset, seconds always written (OffsetDateTime.toString drops zero seconds). */
    private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private DateTimes() {
    }

    public static String format(OffsetDateTime value) {
        return OUTPUT.format(value);
    }

    /** A parsed value: a date-time when a time of day was given, otherwise a date. */
    public record Parsed(OffsetDateTime dateTime, LocalDate date) {
        public boolean hasTime() {
            return dateTime != null;
        }

        public OffsetDateTime atStartOfDayIfDate(ZoneId zone) {
            return dateTime != null ? dateTime : date.atStartOfDay(zone).toOffsetDateTime();
        }

        /** After {@code now} (date-times beyond a few minutes of clock skew; dates after today). */
        public boolean isFuture(Instant now, ZoneId zone) {
            return dateTime != null
                    ? dateTime.toInstant().isAfter(now.plus(CLOCK_SKEW))
                    : date.isAfter(LocalDate.ofInstant(now, zone));
        }
    }

    public enum Status { OK, IMPOSSIBLE, UNPARSEABLE }

    /** The outcome of reading a value: {@code parsed} is set when {@code status} is OK. */
    public record Reading(Status status, Parsed parsed) {
        static Reading ok(Parsed parsed) {
            return new Reading(Status.OK, parsed);
        }

        static final Reading IMPOSSIBLE = new Reading(Status.IMPOSSIBLE, null);
        static final Reading UNPARSEABLE = new Reading(Status.UNPARSEABLE, null);
    }

    /** The value when it is a possible date or date-time; empty otherwise. */
    public static Optional<Parsed> parse(String raw, ZoneId zone) {
        Reading reading = read(raw, zone);
        return reading.status() == Status.OK ? Optional.of(reading.parsed()) : Optional.empty();
    }

    public static Reading read(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return Reading.UNPARSEABLE;
        }
        String s = fold(raw);
        try {
            if (EPOCH.matcher(s).matches()) {
                long n = Long.parseLong(s);
                Instant instant = s.length() >= 12 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
                return checked(new Parsed(OffsetDateTime.ofInstant(instant, zone), null));
            }
            Matcher m = ISO.matcher(s);
            if (m.matches()) {
                return build(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7), m.group(8), zone);
            }
            m = NUMERIC.matcher(s);
            if (!m.matches()) {
                m = WORDS.matcher(s);
                if (!m.matches()) {
                    return Reading.UNPARSEABLE;
                }
            }
            // groups 1-3: time before the date; 4-6: day, month, year; 7-9: time after the date
            String hour = m.group(1) != null ? m.group(1) : m.group(7);
            String minute = m.group(1) != null ? m.group(2) : m.group(8);
            String second = m.group(1) != null ? m.group(3) : m.group(9);
            return build(m.group(6), m.group(5), m.group(4), hour, minute == null && hour != null ? "0" : minute, second, null, null, zone);
        } catch (DateTimeException | ArithmeticException e) {
            return Reading.IMPOSSIBLE;
        }
    }

    private static Reading build(String year, String month, String day, String hour, String minute, String second,
                                 String fraction, String offset, ZoneId zone) {
        LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        if (hour == null) {
            return checked(new Parsed(null, date));
        }
        int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        LocalTime time = LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute),
                second == null ? 0 : Integer.parseInt(second), nanos);
        OffsetDateTime dateTime = offset == null
                ? date.atTime(time).atZone(zone).toOffsetDateTime()
                : OffsetDateTime.of(date, time, ZoneOffset.of(offset.equalsIgnoreCase("Z") ? "Z" : offset.length() == 5
                        ? offset.substring(0, 3) + ":" + offset.substring(3) : offset));
        return checked(new Parsed(dateTime, null));
    }

    private static Reading checked(Parsed parsed) {
        int year = parsed.hasTime() ? parsed.dateTime().getYear() : parsed.date().getYear();
        return year < EARLIEST_YEAR ? Reading.IMPOSSIBLE : Reading.ok(parsed);
    }

    /** Lower case, no diacritics, single spaces: "Ngày 17 tháng 6" → "ngay 17 thang 6". */
    private static String fold(String raw) {
        return Folding.fold(raw);
    }
}
