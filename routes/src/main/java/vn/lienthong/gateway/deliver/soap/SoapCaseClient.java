package vn.lienthong.gateway.deliver.soap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.jakarta.xmlbind.JakartaXmlBindAnnotationModule;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.lienthong.gateway.deliver.CallFailures;
import vn.lienthong.gateway.deliver.CallResult;
import vn.lienthong.gateway.deliver.CaseClient;
import vn.lienthong.gateway.deliver.CaseMessage;
import vn.lienthong.gateway.intake.soap.SoapRequests;
import vn.lienthong.gateway.intake.xml.SecureXml;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.security.oidc.ClientCredentialsTokens;
import vn.lienthong.schemas.v1.Complaint;
import vn.lienthong.schemas.v1.ServiceRecord;
import vn.lienthong.schemas.v1.inspectorate.CaseReceipt;
import vn.lienthong.schemas.v1.inspectorate.CaseRejected;
import vn.lienthong.schemas.v1.inspectorate.CaseSubmission;
import vn.lienthong.schemas.v1.inspectorate.InspectorateCase;

/**
 * Calls a case system's InspectorateCase.SubmitCase (CXF client generated from the WSDL). A
 * {@code CaseRejected}, any Client/Sender fault, and a record that cannot be written as XML (a
 * character XML cannot carry, a marshalling error) are permanent; a Server/Receiver fault, an HTTP error
 * status or a timeout is a real failure; a refused connection means the case system is away.
 */
public final class SoapCaseClient implements CaseClient {

    /** Canonical JSON → the generated record classes (fields the XSD does not carry, like quality, are left out). */
    private static final ObjectMapper BINDINGS = new ObjectMapper()
            .registerModule(new JakartaXmlBindAnnotationModule())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false);

    private final String subscriberId;
    private final String endpoint;
    private final Duration timeout;
    private final String username;
    private final String password;
    /** CXF proxies are cheap per thread and then need no locking. */
    private final ThreadLocal<InspectorateCase> ports = ThreadLocal.withInitial(this::newPort);

    private final ClientCredentialsTokens tokens;

    /** @param username WS-Security UsernameToken to send, or null */
    public SoapCaseClient(String subscriberId, String endpoint, Duration timeout, String username, String password) {
        this(subscriberId, endpoint, timeout, username, password, null);
    }

    /** @param tokens OAuth2 client credentials for a bearer token in the HTTP header, or null */
    public SoapCaseClient(String subscriberId, String endpoint, Duration timeout, String username, String password,
            ClientCredentialsTokens tokens) {
        this.subscriberId = subscriberId;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.username = username;
        this.password = password;
        this.tokens = tokens;
    }

    @Override
    public CallResult send(CaseMessage message) {
        String illegal = xmlIllegal(message.body());
        if (illegal != null) {
            // fails the same way on every attempt: retrying would hold the ordered feed behind it for minutes
            return CallResult.permanent("the record cannot be carried in XML: " + illegal);
        }
        CaseSubmission submission = new CaseSubmission();
        submission.setIdempotencyKey(message.idempotencyKey());
        submission.setSubscriberId(subscriberId);
        try {
            if (message.feed() == Feed.COMPLAINTS) {
                submission.setComplaint(BINDINGS.readValue(message.body(), Complaint.class));
            } else {
                submission.setServiceRecord(BINDINGS.readValue(message.body(), ServiceRecord.class));
            }
        } catch (IOException e) {
            return CallResult.permanent("the record does not fit the InspectorateCase contract: " + CallFailures.shorten(e.getMessage()));
        }
        return CallFailures.withToken(tokens, token -> submit(submission, token));
    }

    private CallResult submit(CaseSubmission submission, String token) {
        InspectorateCase port = ports.get();
        if (token != null) {
            ClientProxy.getClient(port).getRequestContext().put(org.apache.cxf.message.Message.PROTOCOL_HEADERS,
                    new java.util.HashMap<>(java.util.Map.of("Authorization", List.of("Bearer " + token))));
        }
        try {
            CaseReceipt receipt = port.submitCase(submission);
            return CallResult.delivered("case " + receipt.getCaseNumber() + (receipt.isDuplicate() ? " (already had it)" : ""));
        } catch (CaseRejected e) {
            String code = e.getFaultInfo() == null ? "" : e.getFaultInfo().getCode();
            String reason = e.getFaultInfo() == null ? e.getMessage() : e.getFaultInfo().getReason();
            return CallResult.permanent("CaseRejected " + code + ": " + CallFailures.shorten(String.valueOf(reason)));
        } catch (SOAPFaultException e) {
            if (localMarshalling(e)) {
                return CallResult.permanent("the record could not be written as SOAP: " + CallFailures.shorten(String.valueOf(e.getMessage())));
            }
            QName code = e.getFault() == null ? null : e.getFault().getFaultCodeAsQName();
            String local = code == null ? "" : code.getLocalPart();
            String text = "SOAP fault " + local + ": " + CallFailures.shorten(String.valueOf(e.getMessage()));
            return "Client".equals(local) || "Sender".equals(local) ? CallResult.permanent(text) : CallResult.transientFailure(text);
        } catch (WebServiceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HTTPException http) {
                    if (http.getResponseCode() == 401 && token != null) {
                        return CallFailures.REFUSED_TOKEN;
                    }
                    return CallFailures.ofStatus(http.getResponseCode(), http.getResponseMessage());
                }
            }
            return CallFailures.ofException(e);
        }
    }

    /**
     * The first string value of the JSON record holding a character XML 1.0 cannot carry (NUL and the
     * other C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF), as "U+XXXX at /pointer",
     * or null. Records accepted before the intake refused such text, or replayed, can hold them.
     */
    static String xmlIllegal(byte[] json) {
        try {
            return xmlIllegal(BINDINGS.readTree(json), "");
        } catch (IOException e) {
            return null; // not JSON: the binding below says so
        }
    }

    private static String xmlIllegal(com.fasterxml.jackson.databind.JsonNode node, String pointer) {
        if (node.isTextual()) {
            String s = node.asText();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean ok;
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    ok = true;
                } else {
                    ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
                }
                if (!ok) {
                    return String.format("U+%04X at %s", (int) c, pointer.isEmpty() ? "/" : pointer);
                }
            }
            return null;
        }
        java.util.Iterator<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            String found = xmlIllegal(f.getValue(), pointer + "/" + f.getKey());
            if (found != null) {
                return found;
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            String found = xmlIllegal(node.get(i), pointer + "/" + i);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A fault CXF raised itself while writing the request (JAXB or the XML writer), not one the case system sent. */
    private static boolean localMarshalling(SOAPFaultException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof jakarta.xml.bind.MarshalException || t instanceof java.io.CharConversionException
                    || t.getClass().getName().startsWith("com.ctc.wstx.exc.WstxIO")) {
                return true;
            }
        }
        return false;
    }

    private InspectorateCase newPort() {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(InspectorateCase.class);
        factory.setAddress(endpoint);
        InspectorateCase port = (InspectorateCase) factory.create();
        Client client = ClientProxy.getClient(port);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(timeout.toMillis());
        policy.setReceiveTimeout(timeout.toMillis());
        policy.setAllowChunking(false);
        ((HTTPConduit) client.getConduit()).setClient(policy);
        if (username != null) {
            client.getRequestContext().put(Header.HEADER_LIST, List.of(new Header(SoapRequests.WSSE_SECURITY, security())));
        }
        return port;
    }

    private Element security() {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element security = doc.createElementNS(SoapRequests.WSSE, "wsse:Security");
        Element token = doc.createElementNS(SoapRequests.WSSE, "wsse:UsernameToken");
        Element user = doc.createElementNS(SoapRequests.WSSE, "wsse:Username");
        user.setTextContent(username);
        Element pass = doc.createElementNS(SoapRequests.WSSE, "wsse:Password");
        pass.setAttribute("Type", SoapRequests.PASSWORD_TEXT);
        pass.setTextContent(password);
        token.appendChild(user);
        token.appendChild(pass);
        security.appendChild(token);
        return security;
    }
}
