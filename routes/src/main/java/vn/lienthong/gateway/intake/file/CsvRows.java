package vn.lienthong.gateway.intake.file;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

/**
 * A decoded CSV file (header line, any line ends) as canonical records: each configured column's
 * value is put at its JSON pointer, the constants beside them, values as written (normalization
 * converts them). A row that cannot be read is returned with its problem; the others go on.
 */
public final class CsvRows {

    /** One data row: its number (1 = the first after the header), its text as read, and the record or what is wrong with it. */
    public record Row(long row, String text, ObjectNode record, GatewayException problem) {
    }

    private CsvRows() {
    }

    /** @throws GatewayException {@code client.malformed-csv} when the header lacks a configured column */
    public static List<Row> read(String text, SourceDefinition.Csv csv) {
        char delimiter = csv.delimiter() == null ? ',' : csv.delimiter().charAt(0);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = csv.columns().keySet().stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                // the header is named by its size, not quoted: an error report quotes no line of the file but the row it reports
                throw new GatewayException(ErrorCode.MALFORMED_CSV, "the header (" + header.size() + " column(s)) lacks the configured column(s) " + missing
                        + (header.size() == 1 ? " (is the delimiter '" + delimiter + "' right?)" : ""));
            }
            List<CSVRecord> records = new ArrayList<>();
            try {
                parser.forEach(records::add);
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new GatewayException(ErrorCode.MALFORMED_CSV, "unreadable CSV after row " + records.size() + ": " + e.getMessage());
            }
            for (int i = 0; i < records.size(); i++) {
                CSVRecord record = records.get(i);
                int end = i + 1 < records.size() ? (int) records.get(i + 1).getCharacterPosition() : text.length();
                String raw = text.substring((int) record.getCharacterPosition(), Math.max((int) record.getCharacterPosition(), end)).strip();
                rows.add(toRow(record, raw, header, csv));
            }
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.MALFORMED_CSV, "unreadable CSV: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // Commons CSV refuses a header with an empty or repeated name while it reads it
            throw new GatewayException(ErrorCode.MALFORMED_CSV, "the header line has an empty or repeated column name");
        }
        return rows;
    }

    private static Row toRow(CSVRecord record, String raw, List<String> header, SourceDefinition.Csv csv) {
        long line = record.getRecordNumber();
        if (record.size() != header.size()) {
            return new Row(line, raw, null, new GatewayException(ErrorCode.MALFORMED_CSV,
                    "row has " + record.size() + " field(s); the header has " + header.size()));
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        csv.constants().forEach((pointer, value) -> put(object, pointer, value));
        for (Map.Entry<String, String> column : csv.columns().entrySet()) {
            String value = record.get(column.getKey());
            if (value != null && !value.isBlank()) {
                put(object, column.getValue(), value.strip());
            }
        }
        return new Row(line, raw, object, null);
    }

    /** Sets {@code /a/b/c} = value, creating the objects on the way. */
    static void put(ObjectNode root, String pointer, String value) {
        String[] parts = pointer.substring(1).split("/");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.withObjectProperty(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }
}
