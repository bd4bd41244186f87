package vn.lienthong.gateway.intake.xml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayConfigException;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.normalize.RecordType;

/**
 * The XSLT mappings of the sources ({@code records.<type>.xslt}), compiled once at start-up (a
 * broken stylesheet stops the start). A mapping receives the source's own XML element and the
 * parameter {@code sourceId}, and produces the canonical record as XML ({@link XmlRecords}).
 */
public final class XsltMappings {

    private final Map<String, Templates> bySourceAndType;

    private XsltMappings(Map<String, Templates> bySourceAndType) {
        this.bySourceAndType = bySourceAndType;
    }

    public static XsltMappings compile(GatewayConfig config) {
        Map<String, Templates> compiled = new HashMap<>();
        List<String> problems = new ArrayList<>();
        var factory = SecureXml.transformerFactory();
        config.sources().values().forEach(source -> source.records().forEach((type, mapping) -> {
            if (mapping.xslt() == null) {
                return;
            }
            Path file = config.mappingsDirectory().resolve(mapping.xslt());
            try {
                compiled.put(key(source.id(), type), factory.newTemplates(new StreamSource(file.toFile())));
            } catch (TransformerConfigurationException e) {
                problems.add(file + ": " + e.getMessageAndLocation());
            }
        }));
        if (!problems.isEmpty()) {
            throw new GatewayConfigException(problems);
        }
        return new XsltMappings(Map.copyOf(compiled));
    }

    public boolean has(String sourceId, RecordType type) {
        return bySourceAndType.containsKey(key(sourceId, type.slug()));
    }

    /**
     * @return the canonical record element the stylesheet produced
     * @throws GatewayException {@code client.no-mapping} without a stylesheet, {@code client.unmappable}
     *                          when it fails or produces no element
     */
    public Element apply(String sourceId, RecordType type, Node input) {
        Templates templates = Optional.ofNullable(bySourceAndType.get(key(sourceId, type.slug())))
                .orElseThrow(() -> new GatewayException(ErrorCode.NO_MAPPING,
                        "source " + sourceId + " has no XSLT mapping for " + type.slug() + " records"));
        try {
            Transformer transformer = templates.newTransformer();
            transformer.setParameter("sourceId", sourceId);
            Document output = SecureXml.documentBuilder().newDocument();
            transformer.transform(new DOMSource(input), new DOMResult(output));
            Element root = output.getDocumentElement();
            if (root == null) {
                throw new GatewayException(ErrorCode.UNMAPPABLE, "the XSLT mapping of " + sourceId + " produced no element");
            }
            return root;
        } catch (TransformerException e) {
            throw new GatewayException(ErrorCode.UNMAPPABLE, "the XSLT mapping of " + sourceId + " failed: " + e.getMessage());
        }
    }

    private static String key(String sourceId, String type) {
        return sourceId + "|" + type;
    }
}
