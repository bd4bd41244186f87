package vn.lienthong.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.jakarta.xmlbind.JakartaXmlBindAnnotationModule;
import jakarta.jws.WebService;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import vn.lienthong.schemas.v1.Complaint;
import vn.lienthong.schemas.v1.ServiceRecord;
import vn.lienthong.schemas.v1.inspectorate.CaseReceipt;
import vn.lienthong.schemas.v1.inspectorate.CaseRejected;
import vn.lienthong.schemas.v1.inspectorate.CaseRejection;
import vn.lienthong.schemas.v1.inspectorate.CaseSubmission;
import vn.lienthong.schemas.v1.inspectorate.InspectorateCase;

/** InspectorateCase.SubmitCase, as the simulated case system answers it in its current mode. */
@WebService(endpointInterface = "vn.lienthong.schemas.v1.inspectorate.InspectorateCase",
        targetNamespace = "urn:lienthong:wsdl:inspectorate-case:v1",
        serviceName = "InspectorateCaseService",
        portName = "InspectorateCaseSoap11",
        wsdlLocation = "classpath:lienthong/schemas/v1/wsdl/inspectorate-case.wsdl")
public class InspectorateCaseSoap implements InspectorateCase {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JakartaXmlBindAnnotationModule())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private final SimulatorState state;

    public InspectorateCaseSoap(SimulatorState state) {
        this.state = state;
    }

    @Override
    public CaseReceipt submitCase(CaseSubmission submission) throws CaseRejected {
        state.delay();
        Complaint complaint = submission.getComplaint();
        ServiceRecord dossier = submission.getServiceRecord();
        String trackingCode = complaint != null ? complaint.getTrackingCode() : dossier.getTrackingCode();
        String recordId = complaint != null ? complaint.getId() : dossier.getId();
        if (state.mode() == Mode.SOAP_FAULT) {
            state.countFault("soap");
            throw new SoapFault("simulated: the case system cannot take cases right now", Soap11.getInstance().getReceiver());
        }
        if (state.rejects(trackingCode, recordId)) {
            state.countFault("soap");
            CaseRejection rejection = new CaseRejection();
            rejection.setCode("INVALID_CASE");
            rejection.setReason("simulated: case " + trackingCode + " is refused as invalid");
            throw new CaseRejected("case refused", rejection);
        }
        String record;
        try {
            record = JSON.writeValueAsString(complaint != null ? complaint : dossier);
        } catch (JsonProcessingException e) {
            record = "{}";
        }
        SimulatorState.Receipt receipt = state.store("soap", submission.getIdempotencyKey(), submission.getSubscriberId(), recordId,
                trackingCode, complaint != null && complaint.getKind() != null ? complaint.getKind().value() : "SERVICE_RECORD", record);
        CaseReceipt answer = new CaseReceipt();
        answer.setCaseNumber(receipt.caseNumber());
        answer.setDuplicate(receipt.duplicate());
        return answer;
    }
}
