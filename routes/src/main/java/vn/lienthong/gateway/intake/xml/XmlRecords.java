package vn.lienthong.gateway.intake.xml;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

/**
 * A canonical record written as XML (what a source's XSLT produces: element names as in the schema,
 * values as the source sent them) turned into the canonical JSON the intake pipeline takes.
 * Normalization and validation happen there, exactly as for JSON input.
 * <p>
 * Elements with child elements become objects, others strings; {@code attachments} is a list
 * (repeated element) and the schema's boolean fields become booleans. Attributes are ignored.
 */
public final class XmlRecords {

    /** The XML namespace of the canonical records (lienthong-records.xsd). */
    public static final String NAMESPACE = "urn:lienthong:schemas:v1";

    private static final Set<String> LISTS = Set.of("attachments");
    private static final Set<String> BOOLEANS = Set.of("anonymous", "confidential", "overdue");

    private XmlRecords() {
    }

    /** One record element ({@code complaint} or {@code serviceRecord}). */
    public static ObjectNode toJson(Element record) {
        return object(record, "");
    }

    /**
     * The records of a batch: the children of a {@code records} element, or the element itself when
     * it is a single record.
     */
    public static List<Element> records(Element root) {
        if (!"records".equals(localName(root))) {
            return List.of(root);
        }
        List<Element> records = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                records.add(e);
            }
        }
        return records;
    }

    private static ObjectNode object(Element element, String pointer) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element child)) {
                continue;
            }
            String name = localName(child);
            String path = pointer + "/" + name;
            boolean structured = hasElementChildren(child);
            if (LISTS.contains(name)) {
                if (structured) {
                    object.withArray(name).add(object(child, path + "/" + object.withArray(name).size()));
                }
                continue;
            }
            if (object.has(name)) {
                throw new GatewayException(ErrorCode.UNMAPPABLE, "the mapped record repeats " + path + ", which holds one value");
            }
            if (structured) {
                object.set(name, object(child, path));
                continue;
            }
            String text = child.getTextContent().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (BOOLEANS.contains(name) && (text.equals("true") || text.equals("false") || text.equals("1") || text.equals("0"))) {
                object.put(name, text.equals("true") || text.equals("1"));
            } else {
                object.put(name, text);
            }
        }
        return object;
    }

    private static boolean hasElementChildren(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return true;
            }
        }
        return false;
    }

    private static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }
}
