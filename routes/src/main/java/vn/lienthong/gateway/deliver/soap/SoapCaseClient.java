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
 * {@code CaseRejected} or any Client/Sender fault is permanent; a Server/Receiver fault, an HTTP error
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
