package vn.lienthong.gateway.intake.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

class CsvRowsTest {

    static SourceDefinition.Csv layout(String delimiter) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("SoPhieu", "/source/recordId");
        columns.put("NoiDung", "/body");
        columns.put("SoDienThoai", "/reporter/phone");
        return new SourceDefinition.Csv(delimiter, columns, Map.of("/kind", "FEEDBACK"));
    }

    @Test
    void rowsBecomeRecordsWithTheirConstants() {
        List<CsvRows.Row> rows = CsvRows.read("SoPhieu;SoDienThoai;NoiDung;Khac\r\n"
                + "A-1;0912 345 678;\"Nội dung; có dấu chấm phẩy và \"\"ngoặc\"\"\";x\r\n"
                + "\r\n"
                + "A-2; ;  Phản ánh  ;y\r\n", layout(";"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).row()).isEqualTo(1);
        assertThat(rows.get(0).record().toString()).isEqualTo(
                "{\"kind\":\"FEEDBACK\",\"source\":{\"recordId\":\"A-1\"},\"body\":\"Nội dung; có dấu chấm phẩy và \\\"ngoặc\\\"\","
                        + "\"reporter\":{\"phone\":\"0912 345 678\"}}");
        assertThat(rows.get(1).record().has("reporter")).as("blank values are left out").isFalse();
        assertThat(rows.get(1).record().path("body").asText()).isEqualTo("Phản ánh");
        assertThat(rows.get(1).text()).isEqualTo("A-2; ;  Phản ánh  ;y");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefusedAlone() {
        List<CsvRows.Row> rows = CsvRows.read("SoPhieu,NoiDung,SoDienThoai\nA-1,a\nA-2,b,0912\n", layout(null));
        assertThat(rows.get(0).problem().errorCode()).isEqualTo(ErrorCode.MALFORMED_CSV);
        assertThat(rows.get(0).record()).isNull();
        assertThat(rows.get(1).problem()).isNull();
    }

    @Test
    void aHeaderWithoutAConfiguredColumnRefusesTheFile() {
        assertThatThrownBy(() -> CsvRows.read("SoPhieu;NoiDung;SoDienThoai\nA;b;c\n", layout(",")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_CSV);
                    assertThat(e.getMessage()).contains("is the delimiter ',' right?");
                });
    }
}
