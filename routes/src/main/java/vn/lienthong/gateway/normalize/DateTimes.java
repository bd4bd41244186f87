package vn.lienthong.gateway.normalize;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Local and ISO-8601 dates and times to ISO-8601 with an offset. */
public final class DateTimes {

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter VN_DATE_TIME = DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);

    /** RFC 3339 / ISO-8601 with offset, seconds always written (OffsetDateTime.toString drops zero seconds). */
    public static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private DateTimes() {
    }

    public static String format(OffsetDateTime value) {
        return ISO.format(value);
    }

    /** A parsed value: a date-time when a time of day was given, otherwise a date. */
    public record Parsed(OffsetDateTime dateTime, LocalDate date) {
        public boolean hasTime() {
            return dateTime != null;
        }

        public OffsetDateTime atStartOfDayIfDate(ZoneId zone) {
            return dateTime != null ? dateTime : date.atStartOfDay(zone).toOffsetDateTime();
        }
    }

    public static Optional<Parsed> parse(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        try {
            return Optional.of(new Parsed(OffsetDateTime.parse(s), null));
        } catch (DateTimeParseException ignored) {
            // not ISO with offset
        }
        try {
            return Optional.of(new Parsed(LocalDateTime.parse(s).atZone(zone).toOffsetDateTime(), null));
        } catch (DateTimeParseException ignored) {
            // not ISO local date-time
        }
        try {
            return Optional.of(new Parsed(null, LocalDate.parse(s)));
        } catch (DateTimeParseException ignored) {
            // not ISO date
        }
        try {
            return Optional.of(new Parsed(LocalDateTime.parse(s, VN_DATE_TIME).atZone(zone).toOffsetDateTime(), null));
        } catch (DateTimeParseException ignored) {
            // not dd/MM/yyyy HH:mm
        }
        try {
            return Optional.of(new Parsed(null, LocalDate.parse(s, VN_DATE)));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }
}
