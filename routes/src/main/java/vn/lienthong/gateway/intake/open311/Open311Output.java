package vn.lienthong.gateway.intake.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.lienthong.gateway.intake.IntakeService;

/**
 * Writes an answer in the format the URL asked for. The answer is built once as a JSON tree; the XML
 * form follows the spec's documents: the root element and the element of each list item are named
 * here ({@code <services><service>}, {@code <service_requests><request>}, {@code <errors><error>}),
 * a list field becomes an element holding one element per item ({@code <attributes><attribute>}).
 */
public final class Open311Output {

    /** {@code .xml} or {@code .json}. */
    public enum Format {
        XML("text/xml; charset=utf-8"), JSON("application/json; charset=utf-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public static Format of(String extension) {
            return switch (extension) {
                case "xml" -> XML;
                case "json" -> JSON;
                default -> null;
            };
        }
    }

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final Map<String, String> ITEM = Map.of(
            "endpoints", "endpoint",
            "formats", "format",
            "attributes", "attribute",
            "values", "value");

    private Open311Output() {
    }

    /**
     * @param root the XML root element ({@code services}, {@code service_definition}, ...)
     * @param item the XML element of each item when the answer is a list ({@code service}, {@code request})
     */
    public static byte[] write(Format format, JsonNode answer, String root, String item) {
        if (format == Format.JSON) {
            try {
                return IntakeService.json().writeValueAsBytes(withoutNulls(answer.deepCopy()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(root);
            if (answer.isArray()) {
                for (JsonNode element : answer) {
                    element(w, item, element);
                }
            } else {
                fields(w, answer);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** JSON leaves absent values out (XML shows them as empty elements, as the spec's examples do). */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.properties().removeIf(e -> e.getValue().isNull());
            object.forEach(Open311Output::withoutNulls);
        } else if (node.isArray()) {
            node.forEach(Open311Output::withoutNulls);
        }
        return node;
    }

    private static void fields(XMLStreamWriter w, JsonNode object) throws XMLStreamException {
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isArray()) {
                w.writeStartElement(field.getKey());
                String item = ITEM.getOrDefault(field.getKey(), "item");
                for (JsonNode element : field.getValue()) {
                    element(w, item, element);
                }
                w.writeEndElement();
            } else {
                element(w, field.getKey(), field.getValue());
            }
        }
    }

    private static void element(XMLStreamWriter w, String name, JsonNode value) throws XMLStreamException {
        if (value.isNull()) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value.isObject()) {
            fields(w, value);
        } else {
            w.writeCharacters(value.asText());
        }
        w.writeEndElement();
    }
}
