package vn.lienthong.gateway.normalize.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.lienthong.gateway.normalize.QualityReport;
import vn.lienthong.gateway.normalize.text.RepairedText;
import vn.lienthong.gateway.normalize.text.TextDecoding;
import vn.lienthong.gateway.normalize.text.TextOptions;
import vn.lienthong.gateway.normalize.text.TextRepairer;

/**
 * {@code normalize}: a dry run for operators onboarding a source. Starts neither Spring nor Camel.
 * <pre>
 * normalize --text FILE [--encoding ENC] [--fill-damaged] [--boilerplate REGEX]...
 *     prints {"text", "encoding", "repairs": [...], "damage": [{offset, length, text, candidates}]}
 * </pre>
 * ({@code normalize --source ID FILE}, which needs the source's configuration and mapping, is
 * {@code vn.lienthong.gateway.intake.cli.SourceDryRun}.)
 * Exit status: 0 done, 1 the file could not be read, 2 wrong arguments.
 */
public final class NormalizeCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String USAGE = """
            usage: normalize --text FILE [--encoding ENC] [--fill-damaged] [--boilerplate REGEX]...
                                 [--context [--fill-confidence X] [--remove-found-boilerplate]]
                   normalize --source ID FILE [--type complaint|service-record] [--config-dir DIR]
              --encoding ENC     auto (default), UTF-8, UTF-16BE, windows-1258, TCVN3, VNI-Windows, VISCII, ...
              --fill-damaged     put in the one syllable that fits a word with lost letters
              --boilerplate RE   strip text matching RE (multi-line mode); may be repeated
              --context          repair from context: rank candidates of damaged words, mend damage
                                 across line breaks, unwrap mid-sentence breaks, find boilerplate
              --fill-confidence X  with --fill-damaged: fill only candidates of confidence >= X (0..1)
              --remove-found-boilerplate  remove the boilerplate --context finds (else only flagged)""";

    private NormalizeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = List.of(args);
        if (!a.isEmpty() && a.get(0).equals("normalize")) {
            a = a.subList(1, a.size());
        }
        if (a.size() < 2 || !a.get(0).equals("--text")) {
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(a.get(1));
        String encoding = "auto";
        boolean fill = false;
        boolean context = false;
        boolean removeFound = false;
        double confidence = 0;
        List<String> boilerplate = new ArrayList<>();
        for (int i = 2; i < a.size(); i++) {
            switch (a.get(i)) {
                case "--fill-damaged" -> fill = true;
                case "--context" -> context = true;
                case "--remove-found-boilerplate" -> removeFound = true;
                case "--encoding", "--boilerplate", "--fill-confidence" -> {
                    if (i + 1 >= a.size()) {
                        err.println(USAGE);
                        return 2;
                    }
                    if (a.get(i).equals("--encoding")) {
                        encoding = a.get(++i);
                    } else if (a.get(i).equals("--fill-confidence")) {
                        try {
                            confidence = Double.parseDouble(a.get(++i));
                        } catch (NumberFormatException e) {
                            err.println("--fill-confidence needs a number from 0 to 1\n" + USAGE);
                            return 2;
                        }
                    } else {
                        boilerplate.add(a.get(++i));
                    }
                }
                default -> {
                    err.println("unknown option: " + a.get(i) + "\n" + USAGE);
                    return 2;
                }
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        try {
            ObjectNode report = text(bytes, encoding,
                    TextOptions.runningText(TextOptions.compile(boilerplate), fill, context, confidence, removeFound));
            out.writeBytes((JSON.writeValueAsString(report) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (JsonProcessingException e) {
            err.println("cannot write the report: " + e.getMessage());
            return 1;
        }
    }

    /** The report of one text file, as printed (UTF-8 regardless of the platform's charset). */
    public static ObjectNode text(byte[] bytes, String encoding, TextOptions options) {
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes, null, encoding);
        RepairedText repaired = TextRepairer.repair(decoded.text(), options);
        ObjectNode report = JSON.createObjectNode();
        report.put("text", repaired.text());
        report.put("encoding", decoded.encoding());
        report.set("repairs", QualityReport.repairs(repaired.repairs()));
        report.set("damage", QualityReport.damage(repaired.damage()));
        if (!repaired.boilerplate().isEmpty()) {
            report.set("boilerplate", QualityReport.boilerplate(repaired.boilerplate()));
        }
        return report;
    }
}
