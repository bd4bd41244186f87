package vn.lienthong.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.error.Violation;

class SoapFaultInterceptorTest {

    @Test
    void aRejectionKeepsItsCodeAndViolations() {
        GatewayException rejection = new GatewayException(ErrorCode.SCHEMA_INVALID, "1 violation",
                List.of(new Violation("/reporter/phone", "does not match", "schema.pattern")));
        SoapFault fault = SoapFaultInterceptor.toFault(SoapFaultInterceptor.classify(new Fault(rejection)), Soap11.getInstance());

        assertThat(fault.getFaultCode()).isEqualTo(Soap11.getInstance().getSender());
        assertThat(fault.getMessage()).isEqualTo("The record does not satisfy the canonical schema: 1 violation");
        Element gatewayFault = (Element) fault.getDetail().getFirstChild();
        assertThat(gatewayFault.getNamespaceURI()).isEqualTo("urn:lienthong:faults:v1");
        assertThat(gatewayFault.getLocalName()).isEqualTo("GatewayFault");
        assertThat(gatewayFault.getTextContent()).contains("client.schema-invalid", "/reporter/phone", "schema.pattern");
    }

    @Test
    void serverSideCodesAreReceiverFaultsWithoutInternals() {
        SoapFault unavailable = SoapFaultInterceptor.toFault(new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "retry later"),
                Soap12.getInstance());
        assertThat(unavailable.getFaultCode()).isEqualTo(Soap12.getInstance().getReceiver());

        GatewayException internal = SoapFaultInterceptor.classify(new IllegalStateException("NullPointer in line 42"));
        assertThat(internal.errorCode()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(SoapFaultInterceptor.toFault(internal, Soap11.getInstance()).getMessage()).doesNotContain("line 42");
    }

    @Test
    void cxfRefusalsGetTheirCodes() {
        Fault unmarshal = new Fault(new jakarta.xml.bind.UnmarshalException("cvc-pattern-valid: Value '0912' is not facet-valid"));
        GatewayException schema = SoapFaultInterceptor.classify(unmarshal);
        assertThat(schema.errorCode()).isEqualTo(ErrorCode.SCHEMA_INVALID);
        assertThat(schema.violations()).singleElement().satisfies(v -> assertThat(v.code()).isEqualTo("xsd.cvc-pattern-valid"));

        assertThat(SoapFaultInterceptor.classify(new SoapFault("Unexpected wrapper element {urn:x}Foo found.",
                Soap11.getInstance().getSender())).errorCode()).isEqualTo(ErrorCode.MALFORMED_XML);
        assertThat(SoapFaultInterceptor.classify(new Fault(new javax.xml.stream.XMLStreamException("Maximum Element Depth limit (32) Exceeded")))
                .errorCode()).isEqualTo(ErrorCode.XML_LIMIT_EXCEEDED);
    }
}
