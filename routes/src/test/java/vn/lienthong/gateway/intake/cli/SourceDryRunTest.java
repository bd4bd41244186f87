package vn.lienthong.gateway.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's dry run shows what a source's file becomes, with every violation, publishing nothing. */
class SourceDryRunTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return SourceDryRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void portalComplaintBecomesACanonicalRecordInTheCurrentProvince() throws Exception {
        int exit = run("normalize", "--source", "portal-hanoi", "src/test/resources/fixtures/portal/portal-hanoi.complaint.json",
                "--config-dir", "../gateway-config");
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode record = report.at("/records/0/record");
        assertThat(report.at("/records/0/valid").asBoolean()).isTrue();
        assertThat(record.path("location").path("provinceCode").asText()).isEqualTo("25");
        assertThat(record.path("reporter").path("phone").asText()).isEqualTo("+84383456789");
        assertThat(record.path("quality").path("flags").toString()).contains("phone.renumbered");
    }

    @Test
    void everyViolationOfEveryRecordIsShown(@TempDir Path dir) throws Exception {
        String batch = Files.readString(Path.of("src/test/resources/fixtures/service-records/dvc-province.dossiers.json"))
                .replace("\"DA_TRA_KET_QUA\"", "\"KHONG_RO\"");
        Path file = dir.resolve("batch.json");
        Files.writeString(file, batch);
        assertThat(run("normalize", "--source", "dvc-province", file.toString(), "--config-dir", "../gateway-config")).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.at("/records/0/valid").asBoolean()).isTrue();
        assertThat(report.at("/records/1/valid").asBoolean()).isFalse();
        assertThat(report.at("/records/1/violations/0/pointer").asText()).isEqualTo("/1/status");
    }

    @Test
    void aHotlineExportInTcvn3IsReadRowByRowAsTheFileDropWouldReadIt() throws Exception {
        int exit = run("normalize", "--source", "hotline-1022", "src/test/resources/fixtures/portal/hotline-export.tcvn3.csv",
                "--config-dir", "../gateway-config");
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.path("type").asText()).isEqualTo("complaint");
        JsonNode first = report.at("/records/0");
        assertThat(first.path("row").asLong()).isEqualTo(1);
        assertThat(first.path("valid").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.at("/record/source/recordId").asText()).isEqualTo("1022-0001");
        assertThat(first.at("/record/body").asText()).startsWith("Phản ánh cán bộ phường chậm giải quyết hồ sơ");
        assertThat(first.at("/record/reporter/phone").asText()).isEqualTo("+84337778888");
        assertThat(first.at("/record/submittedAt").asText()).isEqualTo("2026-06-17T08:05:00+07:00");
    }

    @Test
    void unknownSourceOrAmbiguousTypeIsAUsageError() {
        assertThat(run("normalize", "--source", "nope", "x.json", "--config-dir", "../gateway-config")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no source nope");
    }
}
