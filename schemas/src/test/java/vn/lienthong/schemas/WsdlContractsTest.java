package vn.lienthong.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.bind.JAXBContext;
import java.io.InputStream;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import vn.lienthong.schemas.v1.inspectorate.ReportStatus;
import vn.lienthong.schemas.v1.intake.SubmitComplaint;

/**
 * The WSDLs check themselves: their types (which import lienthong-records.xsd) compile, each SOAP
 * example's body is valid against them and reads into the generated bindings, and a broken body is
 * refused (so the test can fail).
 */
class WsdlContractsTest {

    static final String BASE = "/lienthong/schemas/v1/";

    static Document parse(String resource) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = WsdlContractsTest.class.getResourceAsStream(BASE + resource)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    static Schema wsdlTypes(String wsdl) throws Exception {
        URL url = WsdlContractsTest.class.getResource(BASE + "wsdl/" + wsdl);
        Document doc = parse("wsdl/" + wsdl);
        Element schema = (Element) doc.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema").item(0);
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new DOMSource(schema, url.toString()));
    }

    static Element body(Document envelope) {
        Node body = envelope.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalStateException("empty body");
    }

    @ParameterizedTest(name = "{1} is valid against {0} and reads into {2}")
    @CsvSource({
            "complaint-intake.wsdl, examples/submit-complaint.soap11.xml, vn.lienthong.schemas.v1.intake.SubmitComplaint",
            "inspectorate-case.wsdl, examples/report-status.soap11.xml, vn.lienthong.schemas.v1.inspectorate.ReportStatus"})
    void exampleBodyIsValidAndBinds(String wsdl, String example, String type) throws Exception {
        Element body = body(parse(example));
        wsdlTypes(wsdl).newValidator().validate(new DOMSource(body));
        Object bound = JAXBContext.newInstance(Class.forName(type)).createUnmarshaller().unmarshal(body);
        if (bound instanceof SubmitComplaint submit) {
            assertThat(submit.getComplaint().getSource().getRecordId()).isEqualTo("HN-TC-2026-000091");
            assertThat(submit.getComplaint().getReporter().isConfidential()).isTrue();
        } else {
            assertThat(((ReportStatus) bound).getUpdate().getStatus().value()).isEqualTo("TRANSFERRED");
        }
    }

    @ParameterizedTest(name = "{0}: a body without its required part is refused")
    @CsvSource({
            "complaint-intake.wsdl, examples/submit-complaint.soap11.xml, body",
            "inspectorate-case.wsdl, examples/report-status.soap11.xml, reportedAt"})
    void brokenBodyIsRefused(String wsdl, String example, String required) throws Exception {
        Element body = body(parse(example));
        Node part = body.getElementsByTagNameNS("*", required).item(0);
        part.getParentNode().removeChild(part);
        assertThatThrownBy(() -> wsdlTypes(wsdl).newValidator().validate(new DOMSource(body)))
                .isInstanceOf(SAXException.class);
    }
}
