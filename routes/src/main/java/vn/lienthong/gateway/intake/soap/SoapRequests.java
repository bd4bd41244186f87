package vn.lienthong.gateway.intake.soap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.xml.SecureXml;

/**
 * What the gateway needs to know of a SOAP request before CXF reads it (its SOAP version, the
 * element in its Body, a WS-Security UsernameToken), and the rewrite of a legacy request into
 * {@code SubmitSourceRecord}. Input has passed {@link vn.lienthong.gateway.intake.xml.XmlGuard}.
 */
public final class SoapRequests {

    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String PASSWORD_TEXT =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    public static final QName WSSE_SECURITY = new QName(WSSE, "Security");
    /** Namespace of the ComplaintIntake operations. */
    public static final String INTAKE = "urn:lienthong:intake:v1";

    private SoapRequests() {
    }

    /**
     * @param password     the password as sent
     * @param passwordType the {@code Type} attribute; null means PasswordText
     */
    public record UsernameToken(String username, String password, String passwordType) {
        public boolean isPasswordText() {
            return passwordType == null || passwordType.isBlank() || PASSWORD_TEXT.equals(passwordType.strip());
        }

        @Override
        public String toString() {
            return "UsernameToken[" + username + "]";
        }
    }

    /** ValueType of a WS-Security BinarySecurityToken that carries an OAuth2 JWT access token (RFC 8693 token type). */
    public static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    static final String BASE64_BINARY =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    /**
     * @param bodyElement the first element inside the Body; null for an empty Body
     * @param bearerToken    a JWT in a WS-Security {@code BinarySecurityToken} of ValueType
     *                       {@value #JWT_TOKEN_TYPE}, or null
     * @param securityTokens how many UsernameToken and BinarySecurityToken elements (of any ValueType)
     *                       the header holds: only one is read, so a second is refused rather than
     *                       ignored (an unsigned token first, a genuine one last)
     */
    public record Peek(String envelopeNamespace, QName bodyElement, UsernameToken usernameToken, String bearerToken, int securityTokens) {

        public Peek(String envelopeNamespace, QName bodyElement, UsernameToken usernameToken) {
            this(envelopeNamespace, bodyElement, usernameToken, null);
        }

        public Peek(String envelopeNamespace, QName bodyElement, UsernameToken usernameToken, String bearerToken) {
            this(envelopeNamespace, bodyElement, usernameToken, bearerToken, (usernameToken == null ? 0 : 1) + (bearerToken == null ? 0 : 1));
        }

        @Override
        public String toString() {
            return "Peek[" + envelopeNamespace + ", " + bodyElement + ", " + usernameToken + (bearerToken == null ? "" : ", bearer") + "]";
        }
    }

    public static Peek peek(byte[] envelope) {
        XMLStreamReader reader = null;
        try {
            reader = SecureXml.staxFactory().createXMLStreamReader(new ByteArrayInputStream(envelope));
            reader.nextTag();
            String ns = reader.getNamespaceURI();
            if (!"Envelope".equals(reader.getLocalName()) || !(SOAP11.equals(ns) || SOAP12.equals(ns))) {
                throw new GatewayException(ErrorCode.MALFORMED_XML, "the document is not a SOAP 1.1 or 1.2 Envelope but " + reader.getName());
            }
            String username = null;
            String password = null;
            String passwordType = null;
            String bearer = null;
            boolean inHeader = false;
            boolean inToken = false;
            int tokens = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    QName name = reader.getName();
                    if (ns.equals(name.getNamespaceURI()) && "Header".equals(name.getLocalPart())) {
                        inHeader = true;
                    } else if (ns.equals(name.getNamespaceURI()) && "Body".equals(name.getLocalPart())) {
                        QName body = reader.nextTag() == XMLStreamConstants.START_ELEMENT ? reader.getName() : null;
                        UsernameToken token = username == null ? null : new UsernameToken(username, password, passwordType);
                        return new Peek(ns, body, token, bearer, tokens);
                    } else if (inHeader && WSSE.equals(name.getNamespaceURI()) && "BinarySecurityToken".equals(name.getLocalPart())) {
                        tokens++;
                        if (JWT_TOKEN_TYPE.equals(reader.getAttributeValue(null, "ValueType"))) {
                            bearer = jwtOf(reader.getAttributeValue(null, "EncodingType"), reader.getElementText());
                        }
                    } else if (inHeader && WSSE.equals(name.getNamespaceURI()) && "UsernameToken".equals(name.getLocalPart())) {
                        tokens++;
                        inToken = true;
                    } else if (inToken && WSSE.equals(name.getNamespaceURI()) && "Username".equals(name.getLocalPart())) {
                        username = reader.getElementText().strip();
                    } else if (inToken && WSSE.equals(name.getNamespaceURI()) && "Password".equals(name.getLocalPart())) {
                        passwordType = reader.getAttributeValue(null, "Type");
                        password = reader.getElementText();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    QName name = reader.getName();
                    if (WSSE.equals(name.getNamespaceURI()) && "UsernameToken".equals(name.getLocalPart())) {
                        inToken = false;
                    } else if (ns.equals(name.getNamespaceURI()) && "Header".equals(name.getLocalPart())) {
                        inHeader = false;
                    }
                }
            }
            throw new GatewayException(ErrorCode.MALFORMED_XML, "the SOAP Envelope has no Body");
        } catch (XMLStreamException e) {
            throw new GatewayException(ErrorCode.MALFORMED_XML, "not a SOAP message: " + e.getMessage());
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    /** The token as sent: the JWT's text, or (EncodingType Base64Binary) the base64 of that text. */
    private static String jwtOf(String encodingType, String text) {
        String value = text.strip();
        if (BASE64_BINARY.equals(encodingType) && !value.startsWith("eyJ")) {
            try {
                return new String(java.util.Base64.getMimeDecoder().decode(value), java.nio.charset.StandardCharsets.US_ASCII).strip();
            } catch (IllegalArgumentException e) {
                throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the BinarySecurityToken is not base64");
            }
        }
        return value;
    }

    /**
     * A source's own request, rewritten as the ComplaintIntake operation
     * {@code SubmitSourceRecord(recordType, record = the original body element)}; headers are kept.
     */
    public static byte[] asSourceRecord(byte[] envelope, String recordType) {
        try {
            Document doc = SecureXml.documentBuilder().parse(new ByteArrayInputStream(envelope));
            Element root = doc.getDocumentElement();
            String ns = root.getNamespaceURI();
            Element body = child(root, ns, "Body");
            Element original = body == null ? null : firstElement(body);
            if (original == null) {
                throw new GatewayException(ErrorCode.MALFORMED_XML, "the SOAP Body is empty");
            }
            Element wrapper = doc.createElementNS(INTAKE, "in:SubmitSourceRecord");
            Element type = doc.createElementNS(INTAKE, "in:recordType");
            type.setTextContent(recordType);
            Element record = doc.createElementNS(INTAKE, "in:record");
            wrapper.appendChild(type);
            wrapper.appendChild(record);
            body.replaceChild(wrapper, original);
            record.appendChild(original);
            Transformer identity = SecureXml.transformerFactory().newTransformer();
            identity.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream(envelope.length + 256);
            identity.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (SAXException | IOException e) {
            throw new GatewayException(ErrorCode.MALFORMED_XML, "not well-formed XML: " + e.getMessage());
        } catch (TransformerException e) {
            throw new GatewayException(ErrorCode.INTERNAL, "cannot rewrite the legacy request: " + e.getMessage());
        }
    }

    private static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
