package vn.lienthong.gateway.intake.sms;

/**
 * A message to send to a phone.
 *
 * @param via          {@link SmsSourceDefinition#KANNEL} or {@link SmsSourceDefinition#SMPP}
 * @param sourceId     the SMS source whose short code sends it
 * @param from         the short code
 * @param to           the recipient in E.164
 * @param text         the text, already fitted to the coding and two parts
 * @param unicode      UCS-2 (with diacritics) or GSM-7
 * @param notification a status notification: not sent if the number has opted out by then
 * @param dedupKey     the same key is sent once (a retried message gets one reply)
 */
public record OutboundSms(
        String via,
        String sourceId,
        String from,
        String to,
        String text,
        boolean unicode,
        boolean notification,
        String dedupKey) {
}
