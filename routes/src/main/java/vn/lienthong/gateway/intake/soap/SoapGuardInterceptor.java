package vn.lienthong.gateway.intake.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.helpers.CastUtils;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.xml.XmlGuard;
import vn.lienthong.gateway.intake.xml.XmlLimits;

/**
 * First in every SOAP endpoint's in-chain, before CXF parses anything: reads the request up to the
 * size limit, passes it through {@link XmlGuard}, authenticates the caller, and (intake only) turns a
 * source's own request into {@code SubmitSourceRecord}. The caller's id is left on the exchange under
 * {@link #PRINCIPAL}. Any refusal is a fault with its error code ({@link SoapFaultInterceptor}).
 */
public class SoapGuardInterceptor extends AbstractSoapInterceptor {

    /** Exchange key of the authenticated source or subscriber id. */
    public static final String PRINCIPAL = "lienthong.principal";
    static final String SUBMIT_SOURCE_RECORD_ACTION = "urn:lienthong:intake:v1:SubmitSourceRecord";

    private final XmlLimits limits;
    private final SoapCredentials credentials;
    /** source id → (body element → record type); null for endpoints without legacy requests */
    private final Map<String, Map<QName, String>> legacyRequests;

    public SoapGuardInterceptor(XmlLimits limits, SoapCredentials credentials, Map<String, Map<QName, String>> legacyRequests) {
        super(Phase.RECEIVE);
        addBefore(AttachmentInInterceptor.class.getName());
        this.limits = limits;
        this.credentials = credentials;
        this.legacyRequests = legacyRequests;
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        // the UsernameToken is checked here; CXF must not refuse a mustUnderstand Security header
        return Set.of(SoapRequests.WSSE_SECURITY);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if ("GET".equals(message.get(Message.HTTP_REQUEST_METHOD))) {
            return; // ?wsdl, ?xsd=
        }
        try {
            String contentType = String.valueOf(message.get(Message.CONTENT_TYPE));
            if (contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
                throw new GatewayException(ErrorCode.MALFORMED_XML, "attachments (MTOM/SwA) are not accepted; send the SOAP envelope alone");
            }
            byte[] body = read(message);
            XmlGuard.check(body, limits);
            SoapRequests.Peek peek = SoapRequests.peek(body);
            if (SoapRequests.SOAP12.equals(peek.envelopeNamespace())) {
                message.setVersion(Soap12.getInstance());
            }
            Map<String, List<String>> headers = CastUtils.cast((Map<?, ?>) message.get(Message.PROTOCOL_HEADERS));
            String apiKey = header(headers, "X-Api-Key");
            String principal = credentials.authenticate(new SoapCredentials.Presented(apiKey, header(headers, "Authorization"), peek));
            message.getExchange().put(PRINCIPAL, principal);
            if (legacyRequests != null && peek.bodyElement() != null
                    && !SoapRequests.INTAKE.equals(peek.bodyElement().getNamespaceURI())) {
                String recordType = legacyRequests.getOrDefault(principal, Map.of()).get(peek.bodyElement());
                if (recordType == null) {
                    throw new GatewayException(ErrorCode.NO_MAPPING, peek.bodyElement()
                            + " is not a ComplaintIntake operation, and source " + principal + " declares no such request (soap.legacyRequests)");
                }
                body = SoapRequests.asSourceRecord(body, recordType);
                if (headers != null) {
                    headers.put("SOAPAction", List.of("\"" + SUBMIT_SOURCE_RECORD_ACTION + "\""));
                }
                if (contentType.contains("action=")) {
                    message.put(Message.CONTENT_TYPE, contentType.replaceAll("action=\"?[^;\"]*\"?", "action=\"" + SUBMIT_SOURCE_RECORD_ACTION + "\""));
                }
            }
            message.setContent(InputStream.class, new ByteArrayInputStream(body));
        } catch (GatewayException e) {
            throw new Fault(e);
        }
    }

    private byte[] read(SoapMessage message) {
        long max = limits.maxBytes().toBytes();
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            throw new GatewayException(ErrorCode.MALFORMED_XML, "the request has no body");
        }
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "the request exceeds " + max + " bytes", List.of());
            }
            return bytes;
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.MALFORMED_XML, "the request could not be read: " + e.getMessage());
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
