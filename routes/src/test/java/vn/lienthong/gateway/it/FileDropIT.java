package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A hotline desk drops its nightly export into its directory under the packaged gateway's data
 * directory. Result: each good row is on the subscriber queue once; the file ends in {@code done/}
 * with a receipt, or in {@code error/} with the receipt of the good rows and a report of the bad
 * ones; the same file dropped again accepts nothing twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileDropIT {

    static final String EVERYTHING = "it-everything";
    static final String QUEUE = "lienthong.complaints::" + EVERYTHING;

    GatewayProcess gateway;

    @BeforeAll
    void start() throws Exception {
        TestConfig config = TestConfig.copyOfShipped().withEverythingSubscriber(EVERYTHING)
                .with("sources/hotline-utf8.yaml", """
                        id: hotline-utf8
                        name: a hotline exporting UTF-8
                        channel: HOTLINE
                        fileDrop:
                          format: csv
                          recordType: complaint
                          encoding: UTF-8
                          stableFor: 300ms
                          csv:
                            delimiter: ";"
                            columns:
                              SoPhieu: /source/recordId
                              ThoiGian: /submittedAt
                              SoDienThoai: /reporter/phone
                              NoiDung: /body
                              MaTinh: /location/legacy/provinceCode
                              MaXa: /location/legacy/communeCode
                            constants:
                              /kind: FEEDBACK
                        """)
                .with("sources/portal-xml.yaml", """
                        id: portal-xml
                        name: a portal dropping canonical XML batches
                        channel: FILE_DROP
                        fileDrop:
                          format: xml
                          recordType: complaint
                          completion: done-marker
                        """);
        gateway = GatewayProcess.start(Files.createTempDirectory("lienthong-it-data"), config.dir(),
                List.of("--lienthong.file-drop.poll-interval=200ms"));
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @BeforeEach
    void emptyQueue() throws Exception {
        Feeds.drain(gateway, EVERYTHING, QUEUE);
    }

    Path drop(String source) {
        return gateway.dataDir().resolve("drop").resolve(source);
    }

    /** Writes a file the way an export does: under a temporary name, then renamed into place. */
    static void dropFile(Path dir, String name, byte[] content) throws Exception {
        // written beside the drop folder (same file system), so that a name of any length can be renamed in
        Path temp = dir.resolveSibling("." + UUID.randomUUID() + ".part");
        Files.write(temp, content);
        Files.move(temp, dir.resolve(name));
    }

    static Path awaitFile(Path dir, String suffix) {
        Path[] found = new Path[1];
        await().atMost(Waits.SIGNAL).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Stream<Path> files = Files.list(dir)) {
                found[0] = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            }
            return found[0] != null;
        });
        return found[0];
    }

    /** The first file in {@code dir} whose name ends with {@code suffix} and contains {@code part}. */
    static Path awaitFile(Path dir, String suffix, String part) {
        Path[] found = new Path[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Stream<Path> files = Files.list(dir)) {
                found[0] = files.filter(f -> f.getFileName().toString().endsWith(suffix) && f.getFileName().toString().contains(part))
                        .findFirst().orElse(null);
            }
            return found[0] != null;
        });
        return found[0];
    }

    static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void csvWithBadRowsAcceptsTheGoodOnesAndReportsTheBadOnes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = "SoPhieu;ThoiGian;SoDienThoai;NoiDung;MaTinh;MaXa\r\n"
                + run + "-1;17/06/2026 08:05;0163 777 8888;Phản ánh cán bộ phường chậm giải quyết hồ sơ;37;13708\r\n"
                + run + "-2;17/06/2026 08:41;0912 000 111;Đề nghị làm rõ khoản thu \"hỗ trợ\" 200.000 đồng;25;08866\r\n"
                + run + "-3;17/06/2026 09:10;0912 000 222;;25;08866\r\n"
                + run + "-4;17/06/2026 09:30;0912 000 333;Thiếu một cột;25\r\n"
                + run + "-5;17/06/2026 10:00;0912 000 444;Đường làng ngập nước sau mưa;25;08866\r\n";
        Path dir = drop("hotline-utf8");
        dropFile(dir, run + ".csv", csv.getBytes(StandardCharsets.UTF_8));

        Path errors = awaitFile(dir.resolve("error"), run + ".csv.errors.csv");
        Path receipt = awaitFile(dir.resolve("error"), run + ".csv.receipt.csv");
        assertThat(awaitFile(dir.resolve("error"), run + ".csv")).exists();
        assertThat(dir.resolve(run + ".csv")).doesNotExist();

        assertThat(lines(receipt)).hasSize(4).first().isEqualTo("row,sourceRecordId,id,trackingCode,status");
        assertThat(lines(receipt).subList(1, 4)).allSatisfy(l -> assertThat(l).matches("\\d," + run + "-\\d,[0-9a-f-]{36},PA[2-9A-HJ-NP-Z]{9},ACCEPTED"));
        assertThat(lines(errors)).hasSize(3);
        assertThat(lines(errors).get(1)).startsWith("3," + run + "-3,client.schema-invalid,").contains("/body");
        assertThat(lines(errors).get(2)).startsWith("4,,client.malformed-csv,");

        List<Feeds.Received> queued = Feeds.drain(gateway, EVERYTHING, QUEUE);
        assertThat(queued).extracting(r -> r.record().path("source").path("recordId").asText())
                .containsExactlyInAnyOrder(run + "-1", run + "-2", run + "-5");
        Feeds.Received second = queued.stream().filter(r -> r.record().path("source").path("recordId").asText().equals(run + "-2")).findFirst().orElseThrow();
        assertThat(second.record().path("body").asText()).isEqualTo("Đề nghị làm rõ khoản thu \"hỗ trợ\" 200.000 đồng");
        assertThat(second.record().path("submittedAt").asText()).isEqualTo("2026-06-17T08:41:00+07:00");
        assertThat(second.record().path("source").path("channel").asText()).isEqualTo("HOTLINE");
        assertThat(second.record().path("kind").asText()).isEqualTo("FEEDBACK");

        // the same export dropped again: every good row is already there, nothing is queued twice
        dropFile(dir, run + ".csv", csv.getBytes(StandardCharsets.UTF_8));
        await().atMost(Waits.SIGNAL).until(() -> {
            try (Stream<Path> files = Files.list(dir.resolve("error"))) {
                return files.filter(f -> f.getFileName().toString().endsWith(run + ".csv.receipt.csv")).count() == 2;
            }
        });
        Path secondReceipt;
        try (Stream<Path> files = Files.list(dir.resolve("error"))) {
            secondReceipt = files.filter(f -> f.getFileName().toString().endsWith(run + ".csv.receipt.csv"))
                    .filter(f -> !f.equals(receipt)).findFirst().orElseThrow();
        }
        assertThat(lines(secondReceipt).subList(1, 4)).allSatisfy(l -> assertThat(l).endsWith(",ALREADY_ACCEPTED"));
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    @Test
    void cleanFileGoesToDoneWithItsReceipt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = "SoPhieu;ThoiGian;SoDienThoai;NoiDung;MaTinh;MaXa\r\n"
                + run + "-1;18/06/2026 07:30;0912 000 555;Đèn đường hỏng nhiều ngày;25;08866\r\n";
        Path dir = drop("hotline-utf8");
        dropFile(dir, run + ".csv", csv.getBytes(StandardCharsets.UTF_8));
        Path receipt = awaitFile(dir.resolve("done"), run + ".csv.receipt.csv");
        assertThat(lines(receipt)).hasSize(2);
        assertThat(awaitFile(dir.resolve("done"), run + ".csv")).exists();
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).hasSize(1);
    }

    @Test
    void xmlBatchIsReadOnceItsDoneMarkerAppears() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <records xmlns="urn:lienthong:schemas:v1">
                  <complaint><kind>COMPLAINT</kind><source><recordId>%1$s-1</recordId></source>
                    <body>Khiếu nại quyết định thu hồi đất</body><location><provinceCode>25</provinceCode></location></complaint>
                  <complaint><kind>PETITION</kind><source><recordId>%1$s-2</recordId></source>
                    <body>Kiến nghị sửa đường liên xã</body>
                    <attachments><uri>https://portal.example.vn/a.jpg</uri></attachments>
                    <attachments><uri>https://portal.example.vn/b.jpg</uri></attachments></complaint>
                </records>""".formatted(run);
        Path dir = drop("portal-xml");
        Files.writeString(dir.resolve(run + ".xml"), xml);
        // without its done marker the file is not complete: it stays untouched
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> Files.exists(dir.resolve(run + ".xml")));
        Files.writeString(dir.resolve(run + ".xml.done"), "");

        awaitFile(dir.resolve("done"), run + ".xml.receipt.csv");
        List<Feeds.Received> queued = Feeds.drain(gateway, EVERYTHING, QUEUE);
        assertThat(queued).extracting(r -> r.record().path("kind").asText()).containsExactlyInAnyOrder("COMPLAINT", "PETITION");
        assertThat(queued).filteredOn(r -> r.record().path("kind").asText().equals("PETITION"))
                .singleElement().satisfies(r -> assertThat(r.record().path("attachments")).hasSize(2));
        assertThat(dir.resolve(run + ".xml.done")).doesNotExist();
    }

    @Test
    void xmlFileWithADoctypeIsRefusedWhole() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<records xmlns=\"urn:lienthong:schemas:v1\"><complaint><kind>COMPLAINT</kind><source><recordId>"
                + run + "</recordId></source><body>&x;</body></complaint></records>";
        Path dir = drop("portal-xml");
        Files.writeString(dir.resolve(run + ".xml"), xml);
        Files.writeString(dir.resolve(run + ".xml.done"), "");
        Path errors = awaitFile(dir.resolve("error"), run + ".xml.errors.csv");
        assertThat(lines(errors).get(1)).startsWith("0,,client.xml-forbidden,");
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    @Test
    void tcvn3ExportWithABadRow() throws Exception {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        export.write(Http.fixture("portal/hotline-export.tcvn3.csv"));
        // a third call without its content (ASCII: the same bytes in TCVN3)
        export.write("1022-0003;17/06/2026 09:10;0912 000 222;;25;08866\r\n".getBytes(StandardCharsets.US_ASCII));
        Path dir = drop("hotline-1022");
        dropFile(dir, "hotline-export.csv", export.toByteArray());

        Path receipt = awaitFile(dir.resolve("error"), "hotline-export.csv.receipt.csv");
        Path errors = awaitFile(dir.resolve("error"), "hotline-export.csv.errors.csv");
        assertThat(lines(receipt)).hasSize(3);
        assertThat(lines(errors)).hasSize(2);
        assertThat(lines(errors).get(1)).startsWith("3,1022-0003,client.schema-invalid,");
        List<Feeds.Received> queued = Feeds.drain(gateway, EVERYTHING, QUEUE);
        assertThat(queued).extracting(r -> r.record().path("body").asText()).containsExactlyInAnyOrder(
                "Phản ánh cán bộ phường chậm giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất, đã quá hạn 45 ngày mà không có văn bản giải thích.",
                "Đề nghị làm rõ khoản thu \"hỗ trợ\" 200.000 đồng khi công chứng tại UBND xã.");
    }

    static final String HEADER = "SoPhieu;ThoiGian;SoDienThoai;NoiDung;MaTinh;MaXa\r\n";

    static String row(String id) {
        return id + ";18/06/2026 07:30;0912 000 555;Đèn đường hỏng nhiều ngày;25;08866\r\n";
    }

    static void assertOwnerOnly(Path file) throws Exception {
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    /** Regression: a link in the drop folder put a mode-600 password file into a world-readable error report. */
    @Test
    void symbolicLinkToAPrivateFileIsNeverReadNorQuoted() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path secret = Files.createTempFile("lienthong-it-secret", ".txt");
        Files.writeString(secret, "SoPhieu;s3cr3t-" + run + "\r\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path dir = drop("hotline-utf8");
        Files.createSymbolicLink(dir.resolve(run + "-secret.csv"), secret);
        Files.createSymbolicLink(dir.resolve(run + "-passwd.csv"), Path.of("/etc/passwd"));

        Path secretErrors = awaitFile(dir.resolve("error"), run + "-secret.csv.errors.csv");
        Path passwdErrors = awaitFile(dir.resolve("error"), run + "-passwd.csv.errors.csv");
        for (Path errors : List.of(secretErrors, passwdErrors)) {
            assertThat(lines(errors).get(1)).startsWith("0,,client.file-refused,").contains("symbolic link");
            assertThat(Files.readString(errors)).doesNotContain("s3cr3t").doesNotContain("root:");
            assertOwnerOnly(errors);
        }
        // the link itself was moved, the file it points to is untouched
        assertThat(Files.isSymbolicLink(awaitFile(dir.resolve("error"), run + "-secret.csv"))).isTrue();
        assertThat(Files.readString(secret)).contains("s3cr3t-" + run);
        assertThat(Files.readString(Path.of("/etc/passwd"))).isNotEmpty();
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    /** Regression: a hard link reaches a file outside the folder just as a symbolic one does. */
    @Test
    void hardLinkToAFileOutsideIsNeverRead() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path outside = gateway.dataDir().resolve(run + "-outside.csv");
        Files.writeString(outside, HEADER + row(run + "-1"));
        Path dir = drop("hotline-utf8");
        Files.createLink(dir.resolve(run + ".csv"), outside);
        Path errors = awaitFile(dir.resolve("error"), run + ".csv.errors.csv");
        assertThat(lines(errors).get(1)).startsWith("0,,client.file-refused,").contains("hard links");
        assertThat(Files.readString(errors)).doesNotContain(run + "-1");
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    /** Regression: error reports were world-readable although a refused row may hold a citizen's text. */
    @Test
    void reportsAreReadableByTheGatewaysUserOnly() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = drop("hotline-utf8");
        dropFile(dir, run + ".csv", (HEADER + row(run + "-1") + run + "-2;18/06/2026 07:30;0912 000 555;;25;08866\r\n")
                .getBytes(StandardCharsets.UTF_8));
        assertOwnerOnly(awaitFile(dir.resolve("error"), run + ".csv.errors.csv"));
        assertOwnerOnly(awaitFile(dir.resolve("error"), run + ".csv.receipt.csv"));
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).hasSize(1);
    }

    /** Regression: a zero-byte file stayed forever and held every other file of the folder 30–60 s. */
    @Test
    void zeroByteFileGoesToErrorAndHoldsNothingUp() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = drop("hotline-utf8");
        Files.createFile(dir.resolve(run + "-empty.csv"));
        dropFile(dir, run + ".csv", (HEADER + row(run + "-1")).getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        awaitFile(dir.resolve("done"), run + ".csv.receipt.csv");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        Path errors = awaitFile(dir.resolve("error"), run + "-empty.csv.errors.csv");
        assertThat(lines(errors).get(1)).startsWith("0,,client.file-refused,").contains("empty");
        assertThat(dir.resolve(run + "-empty.csv")).doesNotExist();
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).hasSize(1);
    }

    /** Regression: an empty header name logged a stack trace at every poll and left no error file. */
    @Test
    void emptyHeaderNameGoesToErrorWithAReason() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = drop("hotline-utf8");
        dropFile(dir, run + ".csv", ("SoPhieu;;SoDienThoai;NoiDung;MaTinh;MaXa\r\n" + row(run + "-1")).getBytes(StandardCharsets.UTF_8));
        Path errors = awaitFile(dir.resolve("error"), run + ".csv.errors.csv");
        assertThat(lines(errors).get(1)).startsWith("0,,client.malformed-csv,").contains("empty or repeated column name");
        assertThat(dir.resolve(run + ".csv")).doesNotExist();
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    /** Regression: a 255-character name was accepted, its receipt could not be written, and it was re-read at every poll. */
    @Test
    void overLongNameGoesToErrorUnreadAndOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String name = run + "x".repeat(255 - run.length() - 4) + ".csv";
        Path dir = drop("hotline-utf8");
        dropFile(dir, name, (HEADER + row(run + "-1")).getBytes(StandardCharsets.UTF_8));
        Path errors = awaitFile(dir.resolve("error"), ".errors.csv", run);
        assertThat(lines(errors).get(1)).startsWith("0,,client.file-refused,").contains("file name has 255 bytes");
        assertThat(dir.resolve(name)).doesNotExist();
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    /** Regression: a name with a line break was silently ignored. */
    @Test
    void nameWithALineBreakGoesToErrorWithAReason() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String name = run + "\nrow.csv";
        Path dir = drop("hotline-utf8");
        dropFile(dir, name, (HEADER + row(run + "-1")).getBytes(StandardCharsets.UTF_8));
        Path errors = awaitFile(dir.resolve("error"), run + "?row.csv.errors.csv");
        assertThat(lines(errors).get(1)).startsWith("0,,client.file-refused,").contains("control character");
        assertThat(dir.resolve(name)).doesNotExist();
        assertThat(Feeds.drain(gateway, EVERYTHING, QUEUE)).isEmpty();
    }

    /**
     * Regression: an export written as rows 1–3, a pause longer than stableFor, then rows 4–7 was taken
     * after the pause's first stableFor and rows 4–7, written into the moved file, were never submitted.
     */
    @Test
    void exportThatPausesLongerThanStableForLosesNoRow() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = drop("hotline-utf8");
        try (OutputStream out = Files.newOutputStream(dir.resolve(run + ".csv"))) {
            out.write((HEADER + row(run + "-1") + row(run + "-2") + row(run + "-3")).getBytes(StandardCharsets.UTF_8));
            out.flush();
            // stableFor is 300 ms here: the gateway takes the three rows during this pause
            awaitFile(dir.resolve("done"), run + ".csv.receipt.csv");
            for (int i = 4; i <= 7; i++) {
                out.write(row(run + "-" + i).getBytes(StandardCharsets.UTF_8));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Stream<Path> files = Files.list(dir.resolve("done"))) {
                return files.filter(f -> f.getFileName().toString().endsWith(run + ".csv.receipt.csv")).count() == 2;
            }
        });
        List<Feeds.Received> queued = Feeds.drain(gateway, EVERYTHING, QUEUE);
        assertThat(queued).extracting(r -> r.record().path("source").path("recordId").asText())
                .containsExactlyInAnyOrder(run + "-1", run + "-2", run + "-3", run + "-4", run + "-5", run + "-6", run + "-7");
    }

    /**
     * Regression: a copy that keeps the original modification time (cp -p, rsync --times) was taken at
     * the first poll — readLockMinAge only asked whether the time was old — and the rest of the copy lost.
     */
    @Test
    void copyKeepingAnOldModificationTimeLosesNoRow() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = drop("hotline-utf8");
        Path file = dir.resolve(run + ".csv");
        long yesterday = System.currentTimeMillis() - 86_400_000L;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= 20; i++) {
                out.write(row(run + "-" + i).getBytes(StandardCharsets.UTF_8));
                out.flush();
                try {
                    Files.setLastModifiedTime(file, FileTime.fromMillis(yesterday));
                } catch (java.nio.file.NoSuchFileException taken) {
                    // the gateway moved it away while the copy was still being written
                }
                Thread.sleep(100); // the copier's next block
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> collected(run).size() >= 20);
        assertThat(collected(run)).hasSize(20).doesNotHaveDuplicates();
    }

    final List<String> received = new java.util.ArrayList<>();

    /** Every record id of this run taken from the queue so far (the queue is drained as it is read). */
    List<String> collected(String run) throws Exception {
        Feeds.drain(gateway, EVERYTHING, QUEUE).stream().map(r -> r.record().path("source").path("recordId").asText())
                .filter(id -> id.startsWith(run)).forEach(received::add);
        return received.stream().filter(id -> id.startsWith(run)).toList();
    }

    /** Regression: a row carrying control characters was accepted unflagged, and its SOAP delivery failed for minutes. */
    @Test
    void controlCharactersInARowAreRemovedAndTheRecordFlagged() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path dir = drop("hotline-utf8");
        dropFile(dir, run + ".csv", (HEADER + run + "-1;18/06/2026 07:30;0912 000 555;Đèn\u0007 đường\u0000 hỏng;25;08866\r\n")
                .getBytes(StandardCharsets.UTF_8));
        awaitFile(dir.resolve("done"), run + ".csv.receipt.csv");
        List<Feeds.Received> queued = Feeds.drain(gateway, EVERYTHING, QUEUE);
        assertThat(queued).singleElement().satisfies(r -> {
            assertThat(r.record().path("body").asText()).isEqualTo("Đèn đường hỏng");
            assertThat(r.record().path("quality").path("flags")).anySatisfy(f -> {
                assertThat(f.path("code").asText()).isEqualTo("text.control-removed");
                assertThat(f.path("pointer").asText()).isEqualTo("/body");
            });
            assertThat(r.properties().get("qualityFlags").toString()).contains("text.control-removed");
        });
    }
}
