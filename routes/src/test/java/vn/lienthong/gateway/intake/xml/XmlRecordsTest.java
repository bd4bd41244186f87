package vn.lienthong.gateway.intake.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

class XmlRecordsTest {

    static Element parse(String xml) throws Exception {
        return SecureXml.documentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    @Test
    void canonicalXmlBecomesCanonicalJson() throws Exception {
        ObjectNode json = XmlRecords.toJson(parse("""
                <complaint xmlns="urn:lienthong:schemas:v1">
                  <kind>COMPLAINT</kind>
                  <source><recordId> A-1 </recordId></source>
                  <body>Khiếu nại</body>
                  <title></title>
                  <reporter><name>Nguyễn Thị Hương</name><anonymous>false</anonymous><confidential>1</confidential></reporter>
                  <attachments><uri>https://x.vn/1</uri></attachments>
                  <attachments><uri>https://x.vn/2</uri></attachments>
                </complaint>"""));
        assertThat(json.toString()).isEqualTo("{\"kind\":\"COMPLAINT\",\"source\":{\"recordId\":\"A-1\"},\"body\":\"Khiếu nại\","
                + "\"reporter\":{\"name\":\"Nguyễn Thị Hương\",\"anonymous\":false,\"confidential\":true},"
                + "\"attachments\":[{\"uri\":\"https://x.vn/1\"},{\"uri\":\"https://x.vn/2\"}]}");
    }

    @Test
    void aRepeatedSingleFieldIsUnmappable() {
        assertThatThrownBy(() -> XmlRecords.toJson(parse("<complaint><body>a</body><body>b</body></complaint>")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNMAPPABLE);
                    assertThat(e.getMessage()).contains("/body");
                });
    }

    @Test
    void aBatchListsItsRecords() throws Exception {
        assertThat(XmlRecords.records(parse("<records><complaint/><complaint/>text<serviceRecord/></records>"))).hasSize(3);
        Element single = parse("<complaint/>");
        assertThat(XmlRecords.records(single)).containsExactly(single);
    }
}
