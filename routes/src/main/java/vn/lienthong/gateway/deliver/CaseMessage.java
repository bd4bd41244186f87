package vn.lienthong.gateway.deliver;

import vn.lienthong.gateway.publish.Feed;

/**
 * One case to hand to a subscriber's case system.
 *
 * @param feed           complaints or service records
 * @param recordId       the gateway id of the record
 * @param trackingCode   its tracking code
 * @param idempotencyKey the same on every attempt and replay: the case system drops repeats
 * @param body           the canonical record, UTF-8 JSON
 */
public record CaseMessage(Feed feed, String recordId, String trackingCode, String idempotencyKey, byte[] body) {
}
