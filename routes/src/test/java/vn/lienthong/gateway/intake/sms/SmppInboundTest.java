package vn.lienthong.gateway.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.jupiter.api.Test;

/** How an SMSC marks the parts of a long message, and how their bytes become text. */
class SmppInboundTest {

    static DeliverSm deliver(int esmClass, byte[] shortMessage, OptionalParameter... optional) {
        DeliverSm deliver = new DeliverSm();
        deliver.setEsmClass((byte) esmClass);
        deliver.setShortMessage(shortMessage);
        deliver.setOptionalParameters(optional);
        return deliver;
    }

    static byte[] concat(byte[] header, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16BE);
        byte[] all = new byte[header.length + body.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return all;
    }

    @Test
    void udhWithAnEightBitReference() {
        byte[] sm = concat(new byte[] {0x05, 0x00, 0x03, 0x2a, 0x02, 0x01}, "Tố cáo");
        var c = SmppInbound.Concatenation.of(deliver(0x40, sm), sm).orElseThrow();
        assertThat(c.reference()).isEqualTo("42");
        assertThat(c.total()).isEqualTo(2);
        assertThat(c.seq()).isEqualTo(1);
        assertThat(SmppInbound.decode(c.payload(), (byte) 0x08)).isEqualTo("Tố cáo");
    }

    @Test
    void udhWithASixteenBitReferenceAfterAnotherElement() {
        // a port-addressing element (IEI 05) before the concatenation element (IEI 08)
        byte[] sm = concat(new byte[] {0x0c, 0x05, 0x04, 0x0b, (byte) 0x84, 0x00, 0x00, 0x08, 0x04, 0x01, 0x02, 0x03, 0x03}, "x");
        var c = SmppInbound.Concatenation.of(deliver(0x40, sm), sm).orElseThrow();
        assertThat(c.reference()).isEqualTo("258");
        assertThat(c.total()).isEqualTo(3);
        assertThat(c.seq()).isEqualTo(3);
        assertThat(SmppInbound.decode(c.payload(), (byte) 0x08)).isEqualTo("x");
    }

    @Test
    void sarParametersWithoutUdh() {
        byte[] sm = "phan 2".getBytes(StandardCharsets.ISO_8859_1);
        var c = SmppInbound.Concatenation.of(deliver(0, sm,
                new OptionalParameter.Short(OptionalParameter.Tag.SAR_MSG_REF_NUM, (short) 7),
                new OptionalParameter.Byte(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS, (byte) 2),
                new OptionalParameter.Byte(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM, (byte) 2)), sm).orElseThrow();
        assertThat(c.reference()).isEqualTo("7");
        assertThat(c.seq()).isEqualTo(2);
        assertThat(SmppInbound.decode(c.payload(), (byte) 0)).isEqualTo("phan 2");
    }

    @Test
    void aSinglePartMessageIsNotConcatenated() {
        byte[] sm = "PA x".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(SmppInbound.Concatenation.of(deliver(0, sm), sm)).isEmpty();
        assertThat(SmppInbound.decode(new byte[] {0x00, 'a'}, (byte) 0)).isEqualTo("@a");
    }

    @Test
    void anInternationalSenderBecomesE164() {
        DeliverSm deliver = deliver(0, new byte[0]);
        deliver.setSourceAddr("84912345678");
        deliver.setSourceAddrTon(TypeOfNumber.INTERNATIONAL.value());
        assertThat(SmppInbound.sender(deliver)).isEqualTo("+84912345678");
        deliver.setSourceAddrTon(TypeOfNumber.NATIONAL.value());
        deliver.setSourceAddr("0912345678");
        assertThat(SmppInbound.sender(deliver)).isEqualTo("0912345678");
    }
}
