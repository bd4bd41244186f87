package vn.lienthong.gateway.intake.soap;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageContentsList;
import org.springframework.stereotype.Component;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.schemas.v1.inspectorate.StatusReport;
import vn.lienthong.schemas.v1.intake.ComplaintSubmission;
import vn.lienthong.schemas.v1.intake.ServiceRecordSubmission;
import vn.lienthong.schemas.v1.intake.SourceRecord;

/**
 * SOAP doors: ComplaintIntake (SOAP 1.1 and 1.2) and the inspectorate's CaseStatusCallback. A
 * rejection propagates to CXF, which answers it as a fault with its error code
 * ({@link SoapFaultInterceptor}); nothing is acknowledged that was not stored.
 */
@Component
public class SoapIntakeRoutes extends RouteBuilder {

    private final SoapIntakeService intake;
    private final StatusCallbackService status;

    public SoapIntakeRoutes(SoapIntakeService intake, StatusCallbackService status) {
        this.intake = intake;
        this.status = status;
    }

    @Override
    public void configure() {
        from("cxf:bean:complaintIntakeEndpoint").routeId("intake-soap").to("direct:intake-soap-operation");
        from("cxf:bean:complaintIntakeSoap12Endpoint").routeId("intake-soap12").to("direct:intake-soap-operation");

        from("direct:intake-soap-operation").routeId("intake-soap-operation")
                .choice()
                    .when(header(CxfConstants.OPERATION_NAME).isEqualTo("SubmitComplaint"))
                        .process(e -> answer(e, intake.complaint(principal(e), argument(e, ComplaintSubmission.class))))
                    .when(header(CxfConstants.OPERATION_NAME).isEqualTo("SubmitServiceRecord"))
                        .process(e -> answer(e, intake.serviceRecord(principal(e), argument(e, ServiceRecordSubmission.class))))
                    .when(header(CxfConstants.OPERATION_NAME).isEqualTo("SubmitSourceRecord"))
                        .process(e -> answer(e, intake.sourceRecord(principal(e),
                                SoapIntakeService.recordType(argument(e, 0, vn.lienthong.schemas.v1.intake.RecordType.class).value()),
                                argument(e, 1, SourceRecord.class))))
                    .otherwise()
                        .throwException(new GatewayException(ErrorCode.MALFORMED_XML, "unknown operation"))
                .end();

        from("cxf:bean:caseStatusEndpoint").routeId("status-soap-callback")
                .process(e -> answer(e, status.report(argument(e, StatusReport.class), principal(e))));
    }

    private static void answer(Exchange exchange, Object response) {
        exchange.getMessage().setBody(response);
    }

    /** The caller authenticated by {@link SoapGuardInterceptor}. */
    static String principal(Exchange exchange) {
        Message cxf = exchange.getIn().getHeader(CxfConstants.CAMEL_CXF_MESSAGE, Message.class);
        Object principal = cxf == null ? null : cxf.getExchange().get(SoapGuardInterceptor.PRINCIPAL);
        if (principal == null) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the caller is not authenticated");
        }
        return principal.toString();
    }

    private static <T> T argument(Exchange exchange, Class<T> type) {
        return argument(exchange, 0, type);
    }

    private static <T> T argument(Exchange exchange, int index, Class<T> type) {
        MessageContentsList arguments = exchange.getIn().getBody(MessageContentsList.class);
        return type.cast(arguments.get(index));
    }
}
