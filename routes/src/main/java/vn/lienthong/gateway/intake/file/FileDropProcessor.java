package vn.lienthong.gateway.intake.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.error.Violation;
import vn.lienthong.gateway.intake.IntakeResult;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.Submission;
import vn.lienthong.gateway.intake.xml.SecureXml;
import vn.lienthong.gateway.intake.xml.XmlGuard;
import vn.lienthong.gateway.intake.xml.XmlLimits;
import vn.lienthong.gateway.intake.xml.XmlRecords;
import vn.lienthong.gateway.intake.xml.XsltMappings;
import vn.lienthong.gateway.normalize.PayloadDecoder;
import vn.lienthong.gateway.normalize.RecordType;
import vn.lienthong.gateway.normalize.UndecodableTextException;

/**
 * One dropped file of one source: every row (CSV) or record (XML batch) goes through
 * {@link IntakeService} on its own, so good rows are accepted whatever the bad ones hold. Then the
 * file moves to {@code done/} with {@code <name>.receipt.csv} (row → id, tracking code, status), or,
 * when any row or the file itself was refused, to {@code error/} with {@code <name>.errors.csv} (row →
 * error code and reasons) beside the receipt; refused input is also parked on {@code lienthong.rejected}.
 * Dropping the same file again accepts nothing twice: rows come back {@code ALREADY_ACCEPTED}. If the
 * broker is unavailable the file is left where it is and read again at the next poll.
 */
public class FileDropProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropProcessor.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final SourceDefinition source;
    private final RecordType type;
    private final IntakeService intake;
    private final PayloadDecoder decoder;
    private final XsltMappings xslt;
    private final RejectedInputs rejected;
    private final XmlLimits xmlLimits;
    private final long maxFileSize;
    private final Clock clock;

    /** What happened to one row. */
    public record RowOutcome(long row, String sourceRecordId, IntakeResult result, GatewayException problem, String raw) {
    }

    /** What happened to the file; {@code target} is where it now is. */
    public record FileOutcome(Path target, List<RowOutcome> rows, GatewayException fileProblem) {
        public long accepted() {
            return rows.stream().filter(r -> r.result() != null).count();
        }

        public long refused() {
            return rows.stream().filter(r -> r.problem() != null).count() + (fileProblem == null ? 0 : 1);
        }
    }

    /**
     * A source's processor with its limits: the source's {@code maxFileSize} or the gateway default,
     * and the XML limits widened for a batch of that size.
     */
    public static FileDropProcessor of(SourceDefinition source, IntakeService intake, PayloadDecoder decoder, XsltMappings xslt,
            RejectedInputs rejected, XmlLimits xmlLimits, FileDropProperties defaults, Clock clock) {
        String size = source.fileDrop().maxFileSize();
        long maxFileSize = size == null ? defaults.maxFileSize().toBytes() : DataSize.parse(size).toBytes();
        return new FileDropProcessor(source, intake, decoder, xslt, rejected,
                xmlLimits.forBatch(maxFileSize, defaults.maxXmlElements()), maxFileSize, clock);
    }

    public FileDropProcessor(SourceDefinition source, IntakeService intake, PayloadDecoder decoder, XsltMappings xslt,
            RejectedInputs rejected, XmlLimits xmlLimits, long maxFileSize, Clock clock) {
        this.source = source;
        this.type = recordType(source.fileDrop().recordType());
        this.intake = intake;
        this.decoder = decoder;
        this.xslt = xslt;
        this.rejected = rejected;
        this.xmlLimits = xmlLimits;
        this.maxFileSize = maxFileSize;
        this.clock = clock;
    }

    /**
     * Reads, submits, moves and reports one complete file. Only a regular file of its own is read:
     * a symbolic link, a file with other hard links, a device or pipe, an empty or unreadable file and
     * a name that cannot be taken are refused unread and moved to {@code error/} with the reason.
     *
     * @throws IOException the broker is unavailable: the file stays and is read again at the next poll
     * @throws NotMovedException the file was handled but could not be moved out of the directory
     */
    public FileOutcome process(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<RowOutcome> rows = new ArrayList<>();
        GatewayException fileProblem = null;
        byte[] bytes = null;
        BasicFileAttributes asRead = null;
        try {
            FileNames.problem(name).ifPresent(p -> {
                throw new GatewayException(ErrorCode.FILE_REFUSED, p);
            });
            asRead = plainFileAttributes(file);
            bytes = readPlainFile(file);
            for (FileRecord c : read(bytes)) {
                rows.add(submit(c));
            }
        } catch (GatewayException e) {
            if (e.errorCode() == ErrorCode.BROKER_UNAVAILABLE) {
                throw new IOException("broker unavailable; " + FileNames.printable(name) + " is read again at the next poll", e);
            }
            fileProblem = e;
        } catch (RuntimeException e) {
            // a reader's own failure: the file goes to error/ once instead of failing at every poll;
            // the exception's text may quote the file, so the report names only its kind
            LOG.warn("file {} of {} could not be read", FileNames.printable(name), source.id(), e);
            fileProblem = new GatewayException(unreadable(format()),
                    "the file could not be read (" + e.getClass().getSimpleName() + ")");
        }
        if (asRead != null && bytes != null && changedSince(file, asRead)) {
            // its writer went on while the rows were submitted: the file was not complete. It stays
            // and is read again whole once stable; the rows taken so far come back ALREADY_ACCEPTED
            throw new IOException(FileNames.printable(name) + " changed while it was read; it is read again once complete");
        }
        boolean clean = fileProblem == null && rows.stream().allMatch(r -> r.problem() == null);
        Path dir = file.resolveSibling(clean ? "done" : "error");
        Path target = dir.resolve(FileNames.target(STAMP.format(clock.instant()), name));
        try {
            Files.createDirectories(dir);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(dir + " is a link, not a directory of its own");
            }
            // moved first, reported after: a report that cannot be written never leaves the file to be read again
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new NotMovedException(FileNames.printable(name) + " could not be moved to " + dir + ": " + e, e);
        }
        if (rows.stream().anyMatch(r -> r.result() != null)) {
            writeReport(target, ".receipt.csv", receipt(rows));
        }
        if (!clean) {
            writeReport(target, ".errors.csv", errors(rows, fileProblem));
            park(name, bytes, rows, fileProblem);
        }
        FileOutcome outcome = new FileOutcome(target, rows, fileProblem);
        LOG.info("file {} of {}: {} row(s) accepted, {} refused → {}", FileNames.printable(name), source.id(), outcome.accepted(),
                outcome.refused(), dir.getFileName());
        return outcome;
    }

    /** A file that was handled (its rows submitted or the file refused) but could not be moved away. */
    public static final class NotMovedException extends IOException {
        private static final long serialVersionUID = 1L;

        NotMovedException(String message, IOException cause) {
            super(message, cause);
        }
    }

    private static ErrorCode unreadable(String format) {
        return "xml".equals(format) ? ErrorCode.MALFORMED_XML : ErrorCode.MALFORMED_CSV;
    }

    /**
     * The file's bytes, if it is a plain file of the drop directory: never through a link (the
     * attributes and the open both refuse to follow one, so a link swapped in between is refused
     * too), never a file that is also reachable elsewhere by a hard link.
     */
    private BasicFileAttributes plainFileAttributes(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.FILE_REFUSED, "the file's attributes cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (attributes.isSymbolicLink()) {
            throw new GatewayException(ErrorCode.FILE_REFUSED, "the file is a symbolic link; links are never followed");
        }
        if (!attributes.isRegularFile()) {
            throw new GatewayException(ErrorCode.FILE_REFUSED, "not a regular file (a device, pipe or socket)");
        }
        if (hardLinks(file) > 1) {
            throw new GatewayException(ErrorCode.FILE_REFUSED, "the file has other hard links; copy it into the directory instead");
        }
        if (attributes.size() == 0) {
            throw new GatewayException(ErrorCode.FILE_REFUSED, "the file is empty");
        }
        if (attributes.size() > maxFileSize) {
            throw new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "the file has " + attributes.size() + " bytes; at most " + maxFileSize + " are read", List.of());
        }
        return attributes;
    }

    private static boolean changedSince(Path file, BasicFileAttributes asRead) {
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return now.size() != asRead.size() || !now.lastModifiedTime().equals(asRead.lastModifiedTime());
        } catch (IOException e) {
            return false; // gone or unreadable: the move below says what happened
        }
    }

    private byte[] readPlainFile(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                InputStream in = Channels.newInputStream(channel)) {
            byte[] bytes = in.readNBytes((int) maxFileSize + 1);
            if (bytes.length > maxFileSize) {
                throw new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "the file grew beyond " + maxFileSize + " bytes", List.of());
            }
            return bytes;
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.FILE_REFUSED, "the file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static int hardLinks(Path file) {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1; // no unix view (Windows): hard links are not checked there
        }
    }

    /**
     * A report beside the moved file, readable by the gateway's user only: the detail of a refused row
     * can hold a citizen's text. A report that cannot be written (disk full, name too long) is logged;
     * the file is already out of the directory and is never read again because of it.
     */
    private static void writeReport(Path target, String suffix, String content) {
        Path report = target.resolveSibling(target.getFileName() + suffix);
        try {
            Files.deleteIfExists(report);
            try (var out = Files.newOutputStream(create(report))) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.error("could not write {}: {}", report, e.toString());
        }
    }

    private static Path create(Path report) throws IOException {
        try {
            return Files.createFile(report, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createFile(report); // no POSIX permissions (Windows): the directory's ACL applies
        }
    }

    /** One record of a file as read (CSV row or XML element), or why it could not be read. */
    public record FileRecord(long row, String raw, ObjectNode record, GatewayException problem) {
    }

    /** The records a file holds, read exactly as {@link #process} reads them; nothing is submitted. */
    public List<FileRecord> read(byte[] bytes) {
        return "xml".equals(format()) ? xmlRecords(bytes) : csvRecords(bytes);
    }

    public RecordType recordType() {
        return type;
    }

    private List<FileRecord> csvRecords(byte[] bytes) {
        String encoding = source.fileDrop().encoding();
        String text;
        try {
            text = decoder.decode(bytes, encoding, source.normalization().encoding()).text();
        } catch (UndecodableTextException e) {
            throw new GatewayException(ErrorCode.UNDECODABLE_TEXT, e.getMessage());
        }
        return CsvRows.read(text, source.fileDrop().csv()).stream()
                .map(r -> new FileRecord(r.row(), r.text(), r.record(), r.problem()))
                .toList();
    }

    private List<FileRecord> xmlRecords(byte[] bytes) {
        XmlGuard.check(bytes, xmlLimits);
        Document doc;
        try {
            doc = SecureXml.documentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException e) {
            throw new GatewayException(ErrorCode.MALFORMED_XML, "not well-formed XML: " + e.getMessage());
        }
        Element root = xslt.has(source.id(), type) ? xslt.apply(source.id(), type, doc) : doc.getDocumentElement();
        List<FileRecord> candidates = new ArrayList<>();
        List<Element> records = XmlRecords.records(root);
        for (int i = 0; i < records.size(); i++) {
            try {
                candidates.add(new FileRecord(i + 1, null, XmlRecords.toJson(records.get(i)), null));
            } catch (GatewayException e) {
                candidates.add(new FileRecord(i + 1, null, null, e));
            }
        }
        return candidates;
    }

    private RowOutcome submit(FileRecord c) {
        String sourceRecordId = c.record() == null ? null : c.record().path("source").path("recordId").asText(null);
        if (c.problem() != null) {
            return new RowOutcome(c.row(), sourceRecordId, null, c.problem(), c.raw());
        }
        try {
            byte[] json = IntakeService.json().writeValueAsBytes(c.record());
            // a file cannot be answered: characters that cannot travel are removed and the record flagged
            IntakeResult result = intake.submit(new Submission(source.id(), type, Submission.Format.CANONICAL, json, "UTF-8",
                    Submission.Text.REPAIR));
            return new RowOutcome(c.row(), sourceRecordId, result, null, c.raw());
        } catch (GatewayException e) {
            if (e.errorCode() == ErrorCode.BROKER_UNAVAILABLE) {
                throw e;
            }
            return new RowOutcome(c.row(), sourceRecordId, null, e, c.raw() != null ? c.raw() : c.record().toString());
        } catch (JsonProcessingException e) {
            return new RowOutcome(c.row(), sourceRecordId, null, new GatewayException(ErrorCode.INTERNAL, e.getMessage()), c.raw());
        }
    }

    private String receipt(List<RowOutcome> rows) {
        StringBuilder out = new StringBuilder("row,sourceRecordId,id,trackingCode,status\r\n");
        for (RowOutcome r : rows) {
            if (r.result() != null) {
                out.append(r.row()).append(',').append(csv(r.sourceRecordId())).append(',').append(r.result().id()).append(',')
                        .append(r.result().trackingCode()).append(',').append(r.result().status()).append("\r\n");
            }
        }
        return out.toString();
    }

    private String errors(List<RowOutcome> rows, GatewayException fileProblem) {
        StringBuilder out = new StringBuilder("row,sourceRecordId,code,detail,violations\r\n");
        if (fileProblem != null) {
            out.append("0,,").append(fileProblem.errorCode().code()).append(',').append(csv(fileProblem.getMessage())).append(",\r\n");
        }
        for (RowOutcome r : rows) {
            if (r.problem() != null) {
                out.append(r.row()).append(',').append(csv(r.sourceRecordId())).append(',').append(r.problem().errorCode().code())
                        .append(',').append(csv(r.problem().getMessage())).append(',').append(csv(violations(r.problem().violations())))
                        .append("\r\n");
            }
        }
        return out.toString();
    }

    private void park(String fileName, byte[] bytes, List<RowOutcome> rows, GatewayException fileProblem) {
        try {
            if (fileProblem != null) {
                rejected.park(bytes == null ? new byte[0] : bytes, parcel(fileName, 0, fileProblem));
            }
            for (RowOutcome r : rows) {
                if (r.problem() != null) {
                    rejected.park((r.raw() == null ? "" : r.raw()).getBytes(StandardCharsets.UTF_8), parcel(fileName, r.row(), r.problem()));
                }
            }
        } catch (Exception e) {
            // the file and its error report stay in error/: the operator still has everything
            LOG.warn("could not park refused input of {} on lienthong.rejected: {}", fileName, e.getMessage());
        }
    }

    private Map<String, Object> parcel(String fileName, long row, GatewayException problem) {
        Map<String, Object> p = new HashMap<>();
        p.put("sourceId", source.id());
        p.put("channel", "FILE_DROP");
        p.put("fileName", fileName);
        p.put("row", row);
        p.put("errorCode", problem.errorCode().code());
        p.put("reason", problem.getMessage());
        p.put("violations", violations(problem.violations()));
        p.put("encoding", row == 0 ? source.fileDrop().encoding() : "UTF-8");
        return p;
    }

    private static String violations(List<Violation> violations) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        violations.forEach(v -> array.addObject().put("pointer", v.pointer()).put("message", v.message()).put("code", v.code()));
        return array.toString();
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        String one = value.replace("\r", " ").replace("\n", " ");
        return one.contains(",") || one.contains("\"") ? "\"" + one.replace("\"", "\"\"") + "\"" : one;
    }

    private String format() {
        return source.fileDrop().format() == null ? "csv" : source.fileDrop().format();
    }

    static RecordType recordType(String slug) {
        for (RecordType t : RecordType.values()) {
            if (t.slug().equals(slug)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown record type " + slug);
    }
}
