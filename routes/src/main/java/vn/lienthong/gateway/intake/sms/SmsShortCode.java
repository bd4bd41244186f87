package vn.lienthong.gateway.intake.sms;

import java.time.Clock;
import java.util.HashSet;
import java.util.function.Supplier;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.tracking.CaseLookup;

/** One SMS source made ready to use: its parser, replies, rate limiter and lookup. */
public record SmsShortCode(
        String sourceId,
        SmsSourceDefinition settings,
        SmsCommandParser parser,
        SmsReplies replies,
        RateLimiter limiter,
        SmsLookup lookup) {

    public static SmsShortCode of(SourceDefinition source, Places places, Supplier<CaseLookup> lookup, Clock clock) {
        SmsSourceDefinition sms = source.sms();
        return new SmsShortCode(source.id(), sms, new SmsCommandParser(sms, places), new SmsReplies(sms),
                new RateLimiter(sms.rateLimit().messages(), sms.rateLimitPeriod(), clock),
                new SmsLookup(lookup, new HashSet<>(sms.operatorNumbers())));
    }

    public String shortCode() {
        return settings.shortCode();
    }
}
