package vn.lienthong.gateway.publish;

/** What the broker did with a record. */
public enum PublishOutcome {
    /** Stored durably on every matching subscriber queue. */
    PUBLISHED,
    /** The broker already had a record with this id; nothing was published. */
    DUPLICATE
}
