package vn.lienthong.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.xml.XmlGuard;
import vn.lienthong.gateway.intake.xml.XmlLimits;

class SoapRequestsTest {

    static byte[] legacy() throws Exception {
        try (InputStream in = SoapRequestsTest.class.getResourceAsStream("/fixtures/portal/legacy-soap.complaint.xml")) {
            return in.readAllBytes();
        }
    }

    static final String TOKEN = """
            <soapenv:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
            <wsse:UsernameToken><wsse:Username> legacy-phananh </wsse:Username><wsse:Password>s3cret pass</wsse:Password></wsse:UsernameToken>
            </wsse:Security></soapenv:Header>""";

    @Test
    void peekFindsVersionBodyElementAndToken() throws Exception {
        String withToken = new String(legacy(), StandardCharsets.UTF_8).replace("<soapenv:Header/>", TOKEN);
        SoapRequests.Peek peek = SoapRequests.peek(withToken.getBytes(StandardCharsets.UTF_8));
        assertThat(peek.envelopeNamespace()).isEqualTo(SoapRequests.SOAP11);
        assertThat(peek.bodyElement()).isEqualTo(new QName("urn:example:legacy-portal:phananh:1", "GuiPhanAnh"));
        assertThat(peek.usernameToken().username()).isEqualTo("legacy-phananh");
        assertThat(peek.usernameToken().password()).isEqualTo("s3cret pass");
        assertThat(peek.usernameToken().isPasswordText()).isTrue();
        assertThat(peek.usernameToken().toString()).doesNotContain("s3cret");

        assertThat(SoapRequests.peek(legacy()).usernameToken()).isNull();
    }

    @Test
    void notAnEnvelopeIsMalformed() {
        assertThatThrownBy(() -> SoapRequests.peek("<Envelope/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_XML));
        assertThatThrownBy(() -> SoapRequests.peek(("<s:Envelope xmlns:s=\"" + SoapRequests.SOAP11 + "\"><s:Header/></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.getMessage()).contains("no Body"));
    }

    @Test
    void legacyBodyIsWrappedAsSubmitSourceRecord() throws Exception {
        byte[] rewritten = SoapRequests.asSourceRecord(legacy(), "complaint");
        XmlGuard.check(rewritten, XmlLimits.defaults());
        SoapRequests.Peek peek = SoapRequests.peek(rewritten);
        assertThat(peek.bodyElement()).isEqualTo(new QName(SoapRequests.INTAKE, "SubmitSourceRecord"));
        String xml = new String(rewritten, StandardCharsets.UTF_8);
        assertThat(xml).contains("<in:recordType>complaint</in:recordType>").contains("<in:record><pa:GuiPhanAnh")
                .contains("NB-2019-PA-77311");
    }

    @Test
    void twoWsSecurityTokensWereReadAsOneCredential() {
        String wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
        String envelope = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Header><w:Security xmlns:w='" + wsse + "'>"
                + "<w:BinarySecurityToken ValueType='urn:x509'>TUlJQg==</w:BinarySecurityToken>"
                + "<w:UsernameToken><w:Username>inspectorate</w:Username><w:Password>secret</w:Password></w:UsernameToken>"
                + "</w:Security></s:Header><s:Body><x/></s:Body></s:Envelope>";
        SoapRequests.Peek peek = SoapRequests.peek(envelope.getBytes(StandardCharsets.UTF_8));
        assertThat(peek.securityTokens()).isEqualTo(2);
        assertThatThrownBy(() -> SoapCredentials.oneCredential(new SoapCredentials.Presented(null, null, peek)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }
}
