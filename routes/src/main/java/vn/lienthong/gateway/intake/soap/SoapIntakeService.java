package vn.lienthong.gateway.intake.soap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.jakarta.xmlbind.JakartaXmlBindAnnotationModule;
import org.w3c.dom.Element;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.IntakeResult;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.Submission;
import vn.lienthong.gateway.intake.xml.XmlRecords;
import vn.lienthong.gateway.intake.xml.XsltMappings;
import vn.lienthong.gateway.normalize.RecordType;
import vn.lienthong.schemas.v1.intake.Acceptance;
import vn.lienthong.schemas.v1.intake.AcceptanceStatus;
import vn.lienthong.schemas.v1.intake.ComplaintSubmission;
import vn.lienthong.schemas.v1.intake.ServiceRecordSubmission;
import vn.lienthong.schemas.v1.intake.SourceRecord;

/**
 * The ComplaintIntake operations, without SOAP: a submission (already valid against the WSDL's
 * schema) becomes the canonical JSON and goes through the same {@link IntakeService} pipeline as
 * REST. A source's own XML record is mapped by its XSLT first.
 */
public class SoapIntakeService {

    static final String CHANNEL = "PORTAL_SOAP";

    /** The generated bindings carry JAXB annotations: element names are the canonical JSON names. */
    private static final ObjectMapper BINDINGS = new ObjectMapper()
            .registerModule(new JakartaXmlBindAnnotationModule())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private final IntakeService intake;
    private final XsltMappings xslt;

    public SoapIntakeService(IntakeService intake, XsltMappings xslt) {
        this.intake = intake;
        this.xslt = xslt;
    }

    public Acceptance complaint(String sourceId, ComplaintSubmission complaint) {
        return submit(sourceId, RecordType.COMPLAINT, BINDINGS.valueToTree(complaint));
    }

    public Acceptance serviceRecord(String sourceId, ServiceRecordSubmission serviceRecord) {
        return submit(sourceId, RecordType.SERVICE_RECORD, BINDINGS.valueToTree(serviceRecord));
    }

    /** A source's own record (a legacy request's body element), mapped by {@code records.<type>.xslt}. */
    public Acceptance sourceRecord(String sourceId, RecordType type, SourceRecord record) {
        Object content = record == null ? null : record.getAny();
        if (!(content instanceof Element element)) {
            throw new GatewayException(ErrorCode.UNMAPPABLE, "the record must be one element in the source's own XML");
        }
        Element canonical = xslt.apply(sourceId, type, element);
        return submit(sourceId, type, XmlRecords.toJson(canonical));
    }

    private Acceptance submit(String sourceId, RecordType type, ObjectNode record) {
        ObjectNode source = record.withObjectProperty("source");
        if (!source.has("channel")) {
            source.put("channel", CHANNEL);
        }
        byte[] json;
        try {
            json = IntakeService.json().writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCode.INTERNAL, "cannot serialize the submission");
        }
        IntakeResult result = intake.submit(new Submission(sourceId, type, Submission.Format.CANONICAL, json, "UTF-8"));
        Acceptance acceptance = new Acceptance();
        acceptance.setId(result.id());
        acceptance.setTrackingCode(result.trackingCode());
        acceptance.setStatus(AcceptanceStatus.fromValue(result.status()));
        return acceptance;
    }

    /** Parses the WSDL's record type ({@code complaint}, {@code service-record}). */
    public static RecordType recordType(String slug) {
        for (RecordType t : RecordType.values()) {
            if (t.slug().equals(slug)) {
                return t;
            }
        }
        throw new GatewayException(ErrorCode.SCHEMA_INVALID, "unknown record type " + slug);
    }
}
