package vn.lienthong.gateway.intake.soap;

import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.SoapVersion;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.error.Violation;
import vn.lienthong.gateway.intake.xml.SecureXml;

/**
 * Every fault a gateway SOAP service answers goes through here: it becomes a SOAP fault whose code
 * is Client/Sender for the caller's mistakes and Server/Receiver otherwise, whose reason is the
 * catalogue title and detail, and whose detail is a {@code gf:GatewayFault} with the stable error code
 * (the same code a REST caller gets). CXF's own refusals (schema validation, unknown operation) are
 * given their code here too.
 */
public class SoapFaultInterceptor extends AbstractSoapInterceptor {

    public static final String FAULTS = "urn:lienthong:faults:v1";
    private static final Logger LOG = LoggerFactory.getLogger(SoapFaultInterceptor.class);

    public SoapFaultInterceptor() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception exception = message.getContent(Exception.class);
        if (exception == null) {
            return;
        }
        GatewayException e = classify(exception);
        if (e.errorCode() == ErrorCode.INTERNAL || e.errorCode().httpStatus() >= 500) {
            LOG.warn("SOAP request failed ({}): {}", e.errorCode().code(), e.getMessage(), exception);
        }
        if (e.errorCode() == ErrorCode.UNAUTHENTICATED) {
            // a SOAP fault is a 500: tell the doors' address throttle this was a refused login
            Object request = message.getExchange().getInMessage() == null ? null
                    : message.getExchange().getInMessage().get(org.apache.cxf.transport.http.AbstractHTTPDestination.HTTP_REQUEST);
            if (request instanceof jakarta.servlet.http.HttpServletRequest http) {
                http.setAttribute(vn.lienthong.gateway.security.doors.LoginThrottle.FAILED, Boolean.TRUE);
            }
        }
        if (e instanceof vn.lienthong.gateway.security.doors.FailedLogins.Throttled throttled) {
            // as over REST: when the caller may try again
            java.util.Map<String, java.util.List<String>> headers = org.apache.cxf.helpers.CastUtils.cast(
                    (java.util.Map<?, ?>) message.get(org.apache.cxf.message.Message.PROTOCOL_HEADERS));
            if (headers == null) {
                headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                message.put(org.apache.cxf.message.Message.PROTOCOL_HEADERS, headers);
            }
            headers.put("Retry-After", List.of(Long.toString(throttled.retryAfterSeconds())));
        }
        message.setContent(Exception.class, toFault(e, message.getVersion()));
    }

    /** The catalogued rejection behind any exception a SOAP exchange ended with. */
    static GatewayException classify(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof GatewayException g) {
                return g;
            }
        }
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        for (Throwable t = exception; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith("UnmarshalException") || name.endsWith("SAXParseException") || message.startsWith("Unmarshalling Error")) {
                String detail = schemaMessage(t, message);
                return new GatewayException(ErrorCode.SCHEMA_INVALID, detail,
                        List.of(new Violation("", detail, "xsd." + xsdRule(detail))));
            }
            if (t instanceof javax.xml.stream.XMLStreamException) {
                return message.contains("Maximum") || message.contains("exceed") || message.contains("limit")
                        ? new GatewayException(ErrorCode.XML_LIMIT_EXCEEDED, message)
                        : new GatewayException(ErrorCode.MALFORMED_XML, message);
            }
        }
        if (message.contains("SOAP 1.2 message is not valid")) {
            return new GatewayException(ErrorCode.MALFORMED_XML, message + " Send SOAP 1.2 to /services/complaint-intake/soap12.");
        }
        if (exception instanceof SoapFault soap && soap.getFaultCode() != null
                && ("Client".equals(soap.getFaultCode().getLocalPart()) || "Sender".equals(soap.getFaultCode().getLocalPart())
                        || "VersionMismatch".equals(soap.getFaultCode().getLocalPart()) || "MustUnderstand".equals(soap.getFaultCode().getLocalPart()))) {
            return new GatewayException(ErrorCode.MALFORMED_XML, message);
        }
        if (message.contains("Unexpected wrapper element") || message.contains("No such operation")
                || message.contains("Message part") || message.contains("No binding operation")
                // a SOAPAction naming no operation of the service is the caller's mistake, not ours
                || message.contains("does not match an operation")) {
            return new GatewayException(ErrorCode.MALFORMED_XML, message);
        }
        return new GatewayException(ErrorCode.INTERNAL, "unexpected error; nothing was accepted", List.of(), exception);
    }

    static SoapFault toFault(GatewayException e, SoapVersion version) {
        ErrorCode code = e.errorCode();
        QName faultCode = code.httpStatus() < 500 ? version.getSender() : version.getReceiver();
        String reason = code.title() + (e.getMessage() == null || code == ErrorCode.INTERNAL ? "" : ": " + e.getMessage());
        SoapFault fault = new SoapFault(reason, faultCode);
        Document doc = SecureXml.documentBuilder().newDocument();
        Element detail = doc.createElement("detail");
        Element gatewayFault = doc.createElementNS(FAULTS, "gf:GatewayFault");
        detail.appendChild(gatewayFault);
        add(doc, gatewayFault, "code", code.code());
        add(doc, gatewayFault, "title", code.title());
        if (e.getMessage() != null && code != ErrorCode.INTERNAL) {
            add(doc, gatewayFault, "detail", e.getMessage());
        }
        for (Violation v : e.violations()) {
            Element violation = add(doc, gatewayFault, "violation", null);
            add(doc, violation, "pointer", v.pointer());
            add(doc, violation, "message", v.message());
            add(doc, violation, "code", v.code());
        }
        fault.setDetail(detail);
        return fault;
    }

    private static Element add(Document doc, Element parent, String name, String text) {
        Element e = doc.createElementNS(FAULTS, "gf:" + name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    private static String schemaMessage(Throwable t, String fallback) {
        String m = t.getMessage() != null ? t.getMessage() : fallback;
        if (t.getCause() != null && t.getCause().getMessage() != null && (m == null || m.isBlank() || m.startsWith("Unmarshalling Error"))) {
            m = t.getCause().getMessage();
        }
        return m == null ? "schema violation" : m.replaceFirst("^Unmarshalling Error:\\s*", "").strip();
    }

    private static String xsdRule(String detail) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(cvc-[a-zA-Z.-]+?)(\\.\\d)*:").matcher(detail);
        return m.find() ? m.group(1) : "invalid";
    }
}
