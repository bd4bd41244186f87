package vn.lienthong.gateway.intake.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

class XmlGuardTest {

    static final XmlLimits LIMITS = XmlLimits.defaults();

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ErrorCode refusal(String xml, XmlLimits limits) {
        try {
            XmlGuard.check(bytes(xml), limits);
        } catch (GatewayException e) {
            return e.errorCode();
        }
        return null;
    }

    @Test
    void complaintSizedDocumentPasses() {
        String attachments = "<a><uri>https://x.vn/1</uri><name>ảnh</name></a>".repeat(50);
        XmlGuard.Scan scan = XmlGuard.check(bytes("<?xml version=\"1.0\"?><r xmlns=\"urn:x\"><body>Khiếu nại</body>" + attachments + "</r>"), LIMITS);
        assertThat(scan.root().getLocalPart()).isEqualTo("r");
        assertThat(scan.root().getNamespaceURI()).isEqualTo("urn:x");
        assertThat(scan.elements()).isEqualTo(152);
        assertThat(scan.depth()).isEqualTo(3);
    }

    @Test
    void doctypeAndEntitiesAreRefused() {
        assertThat(refusal("<!DOCTYPE r><r/>", LIMITS)).isEqualTo(ErrorCode.XML_FORBIDDEN);
        assertThat(refusal("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>", LIMITS)).isEqualTo(ErrorCode.XML_FORBIDDEN);
        assertThat(refusal("<r>&undeclared;</r>", LIMITS)).isIn(ErrorCode.XML_FORBIDDEN, ErrorCode.MALFORMED_XML);
        // predefined and character references are plain text
        assertThat(refusal("<r>&lt;&amp;&#273;</r>", LIMITS)).isNull();
    }

    @Test
    void billionLaughsIsRefusedQuicklyWithoutExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        long start = System.nanoTime();
        assertThat(refusal(dtd + "]><r>&lol9;</r>", LIMITS)).isEqualTo(ErrorCode.XML_FORBIDDEN);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
    }

    @Test
    void eachLimitHasItsRefusal() {
        assertThat(refusal("<a>".repeat(33) + "</a>".repeat(33), LIMITS)).isEqualTo(ErrorCode.XML_LIMIT_EXCEEDED);
        assertThat(refusal("<a>".repeat(32) + "</a>".repeat(32), LIMITS)).isNull();
        assertThat(refusal("<r>" + "<e/>".repeat(2_000) + "</r>", LIMITS)).isEqualTo(ErrorCode.XML_LIMIT_EXCEEDED);
        StringBuilder attributes = new StringBuilder("<r");
        for (int i = 0; i < 17; i++) {
            attributes.append(" a").append(i).append("=\"v\"");
        }
        assertThat(refusal(attributes + "/>", LIMITS)).isEqualTo(ErrorCode.XML_LIMIT_EXCEEDED);
        assertThat(refusal("<r a=\"" + "x".repeat(65_537) + "\"/>", LIMITS)).isEqualTo(ErrorCode.XML_LIMIT_EXCEEDED);
        assertThat(refusal("<r>" + "x".repeat(65_537) + "</r>", LIMITS)).isEqualTo(ErrorCode.XML_LIMIT_EXCEEDED);
        assertThat(refusal("<r><![CDATA[" + "x".repeat(65_537) + "]]></r>", LIMITS)).isEqualTo(ErrorCode.XML_LIMIT_EXCEEDED);
        assertThat(refusal("<r>" + "x".repeat(1_000) + "</r>", new XmlLimits(DataSize.ofBytes(500), 0, 0, 0, 0)))
                .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void brokenXmlIsMalformed() {
        assertThatThrownBy(() -> XmlGuard.check(bytes("<r><a></r>"), LIMITS))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_XML);
                    assertThat(e.getMessage()).contains("line 1");
                });
        assertThat(refusal("", LIMITS)).isEqualTo(ErrorCode.MALFORMED_XML);
        assertThat(refusal("not xml", LIMITS)).isEqualTo(ErrorCode.MALFORMED_XML);
    }
}
