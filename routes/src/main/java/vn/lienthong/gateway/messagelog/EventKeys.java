package vn.lienthong.gateway.messagelog;

import java.time.Instant;
import java.util.Locale;

/**
 * Unique keys of log events, {@code <event>:<epoch millis, 13 digits>:<id>}. A message delivered
 * again carries the same key, so the writer can skip what it already stored; and keys of one event
 * type sort by time, so the unique index on them grows at its end instead of at random places (a
 * cost every record pays).
 */
public final class EventKeys {

    private EventKeys() {
    }

    public static String of(LogEvent event, Instant at, String id) {
        return event.name().toLowerCase(Locale.ROOT) + ":" + String.format(Locale.ROOT, "%013d", at.toEpochMilli()) + ":" + id;
    }
}
