package vn.lienthong.gateway.publish;

import java.util.Set;

/** Names of the message properties every published record carries; subscriber filters use them. */
public final class MessageProperties {

    public static final String ID = "id";
    public static final String TRACKING_CODE = "trackingCode";
    public static final String RECORD_TYPE = "recordType";
    public static final String KIND = "kind";
    public static final String CATEGORY = "category";
    public static final String PROVINCE_CODE = "provinceCode";
    public static final String AGENCY_CODE = "agencyCode";
    public static final String SOURCE_ID = "sourceId";
    public static final String CHANNEL = "channel";
    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String OVERDUE = "overdue";
    public static final String CONTENT_TYPE = "contentType";
    /** Artemis' duplicate-detection property: the record id, so a resubmission is dropped by the broker. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    /** Properties a subscriber filter may name without a raw selector. */
    public static final Set<String> FILTERABLE = Set.of(
            KIND, CATEGORY, PROVINCE_CODE, AGENCY_CODE, SOURCE_ID, CHANNEL, SCHEMA_VERSION, OVERDUE, RECORD_TYPE,
            "textDamaged", "locationUnresolved", "agencyCodeClosed", "qualityFlags");

    private MessageProperties() {
    }
}
