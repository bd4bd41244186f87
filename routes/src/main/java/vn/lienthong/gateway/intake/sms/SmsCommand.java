package vn.lienthong.gateway.intake.sms;

/** What a citizen's message asks for, once its keyword is read. */
public sealed interface SmsCommand {

    /** File a record of this kind; {@code place} is the place named in the text or the short code's province. */
    record Report(String kind, String body, Places.Place place) implements SmsCommand {
    }

    /** A report keyword with nothing after it. */
    record Empty(String kind) implements SmsCommand {
    }

    /** TRACUU: the case status for the code as typed. */
    record Lookup(String typedCode) implements SmsCommand {
    }

    /** HD / HELP, or a message without keyword when the short code has no default kind. */
    record Help() implements SmsCommand {
    }

    /** Stop status notifications to this number. */
    record OptOut() implements SmsCommand {
    }

    /** Resume status notifications. */
    record OptIn() implements SmsCommand {
    }
}
