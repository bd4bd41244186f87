package vn.lienthong.gateway.intake.xml;

import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

/**
 * The first reader of every XML input: one streaming pass that refuses a DOCTYPE (so no entity is
 * ever defined, expanded or fetched: XXE and "billion laughs" die here) and stops at the first limit
 * exceeded. It holds no more than one element in memory, so an attack costs bounded time and heap.
 */
public final class XmlGuard {

    private XmlGuard() {
    }

    /** What the pass saw: the document element and, for SOAP, the first element of the Body. */
    public record Scan(QName root, int elements, int depth) {
    }

    /**
     * @throws GatewayException {@code client.payload-too-large}, {@code client.xml-forbidden},
     *                          {@code client.xml-limit-exceeded} or {@code client.malformed-xml}
     */
    public static Scan check(byte[] xml, XmlLimits limits) {
        if (xml.length > limits.maxBytes().toBytes()) {
            throw new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "the XML document has " + xml.length + " bytes; at most " + limits.maxBytes().toBytes() + " are accepted", List.of());
        }
        XMLStreamReader reader = null;
        try {
            reader = SecureXml.staxFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            QName root = null;
            int depth = 0;
            int maxDepthSeen = 0;
            int elements = 0;
            int textRun = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw forbidden("a DOCTYPE declaration");
                    case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw forbidden("an entity reference (&" + reader.getLocalName() + ";)");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        elements++;
                        textRun = 0;
                        if (root == null) {
                            root = reader.getName();
                        }
                        maxDepthSeen = Math.max(maxDepthSeen, depth);
                        if (depth > limits.maxDepth()) {
                            throw limit("elements nest deeper than " + limits.maxDepth() + " levels", reader);
                        }
                        if (elements > limits.maxElements()) {
                            throw limit("more than " + limits.maxElements() + " elements", reader);
                        }
                        int attributes = reader.getAttributeCount();
                        if (attributes > limits.maxAttributes()) {
                            throw limit("an element has " + attributes + " attributes; at most " + limits.maxAttributes(), reader);
                        }
                        for (int i = 0; i < attributes; i++) {
                            if (reader.getAttributeValue(i).length() > limits.maxTextLength()) {
                                throw limit("an attribute value is longer than " + limits.maxTextLength() + " characters", reader);
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        textRun = 0;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        // a parser may split one text node into several events
                        textRun += reader.getTextLength();
                        if (textRun > limits.maxTextLength()) {
                            throw limit("a text is longer than " + limits.maxTextLength() + " characters", reader);
                        }
                    }
                    default -> {
                        // comments, processing instructions, document start/end
                    }
                }
            }
            if (root == null) {
                throw new GatewayException(ErrorCode.MALFORMED_XML, "the document has no element");
            }
            return new Scan(root, elements, maxDepthSeen);
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE") || message.contains("DTD")) {
                throw forbidden("a DOCTYPE declaration");
            }
            if (message.contains("entity") || message.contains("Entity")) {
                throw forbidden("an entity reference");
            }
            throw new GatewayException(ErrorCode.MALFORMED_XML, "not well-formed XML" + where(e) + ": " + firstLine(message));
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

    private static GatewayException forbidden(String what) {
        return new GatewayException(ErrorCode.XML_FORBIDDEN, "the XML contains " + what + "; DTDs and entities are never accepted");
    }

    private static GatewayException limit(String what, XMLStreamReader reader) {
        return new GatewayException(ErrorCode.XML_LIMIT_EXCEEDED,
                what + " (line " + reader.getLocation().getLineNumber() + ")");
    }

    private static String where(XMLStreamException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
    }

    private static String firstLine(String message) {
        String m = message.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
