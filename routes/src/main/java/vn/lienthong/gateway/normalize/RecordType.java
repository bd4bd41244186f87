package vn.lienthong.gateway.normalize;

/** The two canonical record types (schemas/v1). */
public enum RecordType {
    COMPLAINT("complaint", "complaint.schema.json"),
    SERVICE_RECORD("service-record", "service-record.schema.json");

    private final String slug;
    private final String schemaFile;

    RecordType(String slug, String schemaFile) {
        this.slug = slug;
        this.schemaFile = schemaFile;
    }

    /** Path segment and file-name form: {@code complaint}, {@code service-record}. */
    public String slug() {
        return slug;
    }

    public String schemaFile() {
        return schemaFile;
    }
}
