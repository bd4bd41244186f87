package vn.lienthong.gateway.intake.sms;

import java.time.Instant;

/**
 * A mobile-originated message as a channel received it.
 *
 * @param sourceId  the SMS source (its short code's YAML)
 * @param via       {@link SmsSourceDefinition#KANNEL} or {@link SmsSourceDefinition#SMPP}: replies go back the same way
 * @param sender    the sender's number as the SMS gateway gave it
 * @param shortCode the number it was sent to
 * @param text      the decoded text
 * @param messageId the SMS gateway's id of this message (Kannel {@code %I}), or null
 * @param sentAt    when the SMSC received it, or null
 * @param raw       the input as received (query string, body or PDU bytes), kept when the message is parked
 */
public record InboundSms(
        String sourceId,
        String via,
        String sender,
        String shortCode,
        String text,
        String messageId,
        Instant sentAt,
        byte[] raw) {
}
