package vn.lienthong.gateway.intake.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayConfigException;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.file.FileDropProcessor;
import vn.lienthong.gateway.intake.file.FileDropProperties;
import vn.lienthong.gateway.intake.xml.XmlLimits;
import vn.lienthong.gateway.intake.xml.XsltMappings;
import vn.lienthong.gateway.intake.RecordValidator;
import vn.lienthong.gateway.intake.SourceMappings;
import vn.lienthong.gateway.intake.Submission;
import vn.lienthong.gateway.normalize.RecordType;
import vn.lienthong.gateway.normalize.VietnamesePayloadDecoder;
import vn.lienthong.gateway.normalize.VietnameseRecordNormalizer;

/**
 * {@code normalize --source ID FILE [--type complaint|service-record] [--config-dir DIR]}: the
 * canonical record(s) a source's file would become, with the quality report and every violation,
 * through the same pipeline as intake — without starting the broker or the HTTP server, and
 * publishing nothing. For operators onboarding a source.
 */
public final class SourceDryRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String USAGE =
            "usage: normalize --source ID FILE [--type complaint|service-record] [--config-dir DIR]";

    private SourceDryRun() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = List.of(args).subList(args.length > 0 && args[0].equals("normalize") ? 1 : 0, args.length);
        if (a.size() < 3 || !a.get(0).equals("--source")) {
            err.println(USAGE);
            return 2;
        }
        String sourceId = a.get(1);
        Path file = Path.of(a.get(2));
        Path configDir = Path.of("gateway-config");
        String type = null;
        for (int i = 3; i + 1 < a.size(); i += 2) {
            switch (a.get(i)) {
                case "--type" -> type = a.get(i + 1);
                case "--config-dir" -> configDir = Path.of(a.get(i + 1));
                default -> {
                    err.println("unknown option: " + a.get(i) + "\n" + USAGE);
                    return 2;
                }
            }
        }
        try {
            GatewayConfig config = GatewayConfig.load(configDir, false);
            SourceDefinition source = config.source(sourceId).orElse(null);
            if (source == null) {
                err.println("no source " + sourceId + " in " + configDir.resolve("sources"));
                return 2;
            }
            if (source.fileDrop() != null) {
                return fileDrop(config, source, file, out);
            }
            RecordType recordType = recordType(source, type);
            if (recordType == null) {
                err.println("source " + sourceId + " maps " + source.records().keySet() + "; choose one with --type");
                return 2;
            }
            byte[] bytes = Files.readAllBytes(file);
            ObjectNode report = JSON.createObjectNode().put("source", sourceId).put("type", recordType.slug());
            ArrayNode records = report.putArray("records");
            for (IntakeService.Preview preview : intake(config).preview(
                    new Submission(sourceId, recordType, Submission.Format.NATIVE, bytes, null))) {
                add(records.addObject(), preview);
            }
            return print(report, out);
        } catch (GatewayConfigException e) {
            err.println(e.getMessage());
            return 2;
        } catch (GatewayException e) {
            err.println(e.errorCode().code() + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return 1;
        }
    }

    /** A file-drop source: its file read as the drop reads it (CSV rows, XML records), each row previewed. */
    private static int fileDrop(GatewayConfig config, SourceDefinition source, Path file, PrintStream out) throws IOException {
        IntakeService intake = intake(config);
        FileDropProcessor drop = FileDropProcessor.of(source, intake, new VietnamesePayloadDecoder(), XsltMappings.compile(config),
                null, XmlLimits.defaults(), FileDropProperties.defaults(), Clock.systemUTC());
        ObjectNode report = JSON.createObjectNode().put("source", source.id()).put("type", drop.recordType().slug());
        ArrayNode records = report.putArray("records");
        for (FileDropProcessor.FileRecord row : drop.read(Files.readAllBytes(file))) {
            ObjectNode entry = records.addObject().put("row", row.row());
            if (row.problem() != null) {
                entry.put("valid", false);
                entry.putArray("violations").addObject().put("message", row.problem().getMessage())
                        .put("code", row.problem().errorCode().code());
                continue;
            }
            byte[] json = IntakeService.json().writeValueAsBytes(row.record());
            for (IntakeService.Preview preview : intake.preview(
                    new Submission(source.id(), drop.recordType(), Submission.Format.CANONICAL, json, "UTF-8", Submission.Text.REPAIR))) {
                add(entry, preview);
            }
        }
        return print(report, out);
    }

    private static IntakeService intake(GatewayConfig config) {
        return new IntakeService(config, SourceMappings.compile(config), new VietnamesePayloadDecoder(),
                new VietnameseRecordNormalizer(), new RecordValidator(), (feed, body, properties, id) -> {
                    throw new IllegalStateException("a dry run publishes nothing");
                }, Clock.systemUTC());
    }

    private static void add(ObjectNode entry, IntakeService.Preview preview) {
        entry.put("valid", preview.violations().isEmpty());
        entry.set("record", preview.record());
        ArrayNode violations = entry.putArray("violations");
        preview.violations().forEach(v -> violations.addObject()
                .put("pointer", v.pointer()).put("message", v.message()).put("code", v.code()));
    }

    private static int print(ObjectNode report, PrintStream out) throws IOException {
        out.writeBytes((JSON.writeValueAsString(report) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }

    private static RecordType recordType(SourceDefinition source, String requested) {
        if (requested != null) {
            for (RecordType t : RecordType.values()) {
                if (t.slug().equals(requested)) {
                    return t;
                }
            }
            return null;
        }
        if (source.records().size() != 1) {
            return null;
        }
        String only = source.records().keySet().iterator().next();
        for (RecordType t : RecordType.values()) {
            if (t.slug().equals(only)) {
                return t;
            }
        }
        return null;
    }
}
