package vn.lienthong.gateway.publish;

import java.util.Map;

/**
 * A gateway-internal message stored in the same broker transaction as a record, so that both are
 * durable or neither is: the record's message-log entry. Its address must be one subscribers cannot
 * read.
 *
 * @param address    the internal ANYCAST address
 * @param body       the message body
 * @param properties message properties
 */
public record Companion(String address, byte[] body, Map<String, Object> properties) {
}
