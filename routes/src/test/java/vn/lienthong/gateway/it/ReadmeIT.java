package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through, run as written: every {@code ```bash} block after a
 * {@code <!-- readme-test -->} line is taken from README.md itself (so the README cannot drift from
 * what the gateway does), its commands are run in order from the repository root against a fresh
 * gateway on free ports (the README's {@code localhost:8080} and the broker's 61616 are rewritten to
 * them), and each command's output must contain what its {@code #>} lines show, in order, where
 * {@code …} stands for anything. Comment lines ({@code # …}) are prose.
 */
class ReadmeIT {

    static final String MARKER = "<!-- readme-test";

    /** A command of a marked block and what it must print. */
    record Step(String command, List<String> expected) {
    }

    static List<Step> steps(List<String> readme) {
        List<Step> steps = new ArrayList<>();
        boolean marked = false;
        boolean inBlock = false;
        StringBuilder command = null;
        List<String> expected = new ArrayList<>();
        for (String line : readme) {
            if (!inBlock) {
                if (line.startsWith(MARKER)) {
                    marked = true;
                } else if (line.startsWith("```bash") && marked) {
                    inBlock = true;
                } else if (line.startsWith("```")) {
                    marked = false;
                }
                continue;
            }
            boolean continued = command != null && Stream.of("\\", "|", "&&").anyMatch(command.toString()::endsWith);
            if (line.startsWith("```")) {
                add(steps, command, expected);
                command = null;
                expected = new ArrayList<>();
                inBlock = false;
                marked = false;
            } else if (continued) {
                command.append('\n').append(line);
            } else if (line.startsWith("#>")) {
                expected.add(line.substring(2).strip());
            } else if (line.isBlank() || line.startsWith("#")) {
                continue;
            } else {
                add(steps, command, expected);
                command = new StringBuilder(line);
                expected = new ArrayList<>();
            }
        }
        return steps;
    }

    private static void add(List<Step> steps, StringBuilder command, List<String> expected) {
        if (command != null) {
            steps.add(new Step(command.toString(), List.copyOf(expected)));
        }
    }

    /** Whether the output holds every …-separated piece of the expected lines (joined), in order. */
    static boolean matches(String output, List<String> expected) {
        int from = 0;
        // a line break in the output may stand where one "#>" line ends and the next begins
        for (String piece : String.join("…", expected).split("…")) {
            if (piece.isEmpty()) {
                continue;
            }
            int at = output.indexOf(piece, from);
            if (at < 0) {
                return false;
            }
            from = at + piece.length();
        }
        return true;
    }

    @Test
    void theWalkThroughRunsAsWritten() throws Exception {
        Path project = GatewayProcess.configDir().getParent();
        List<Step> steps = steps(Files.readAllLines(project.resolve("README.md")));
        assertThat(steps).as("marked README commands").hasSizeGreaterThanOrEqualTo(5);
        assertThat(steps.stream().filter(s -> !s.expected().isEmpty()).count()).as("documented outputs").isGreaterThanOrEqualTo(5);
        boolean node = new ProcessBuilder("bash", "-c", "command -v node && command -v npm").start().waitFor() == 0;

        SoftAssertions softly = new SoftAssertions();
        Path shell = Files.createTempFile("readme-shell", ".env");
        try (SimulatorProcess simulator = SimulatorProcess.start();
                GatewayProcess gateway = GatewayProcess.start("--INSPECTORATE_URL=" + simulator.url())) {
            for (Step step : steps) {
                if (!node && step.command().matches("(?s)(node|npm) .*")) {
                    System.out.println("README step skipped (no node on this machine): " + step.command());
                    continue;
                }
                String command = step.command()
                        .replace("localhost:8080", gateway.baseUrl().replace("http://", ""))
                        .replace("127.0.0.1:8080", gateway.baseUrl().replace("http://", ""))
                        .replace("localhost:8088", simulator.controlUrl().replace("http://", ""))
                        .replace(" data/drop/", " " + gateway.dataDir() + "/drop/");
                // the README's pauses suit a quiet machine; the tests often share theirs with other builds
                Matcher sleep = Pattern.compile("\\bsleep (\\d+)").matcher(command);
                command = sleep.replaceAll(m -> "sleep " + Integer.parseInt(m.group(1)) * 4);
                // one shell session, as a reader's: what a step exports, the next one has
                String script = "[ -f '" + shell + "' ] && . '" + shell + "' 2>/dev/null\n" + command
                        + "\nstatus=$?; export -p > '" + shell + "'; exit $status";
                ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(project.toFile()).redirectErrorStream(true);
                // the README's commands use the default ports; the example client and dlq also read these
                builder.environment().put("LIENTHONG_BROKER_PORT", Integer.toString(gateway.brokerPort()));
                builder.environment().put("LIENTHONG_GATEWAY_URL", gateway.baseUrl());
                Path output = Files.createTempFile("readme-step", ".out");
                builder.redirectOutput(output.toFile());
                Process p = ItProcesses.track(builder.start(), "readme-step");
                boolean done = p.waitFor(5, TimeUnit.MINUTES);
                if (!done) {
                    ItProcesses.end(p.toHandle(), 5);
                }
                ItProcesses.untrack(p.toHandle());
                String printed = Files.readString(output, StandardCharsets.UTF_8);
                softly.assertThat(done).as("finished: %s", step.command()).isTrue();
                softly.assertThat(matches(printed, step.expected()))
                        .as("README command%n  %s%nshould print%n  %s%nbut printed%n  %s", step.command(),
                                String.join("\n  ", step.expected()), printed)
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void theExtractionTakesOnlyMarkedBlocksWithTheirOutputs() {
        List<String> readme = List.of(
                "```bash", "./lienthong", "```",
                "<!-- readme-test -->", "```bash", "# prose", "curl -s a \\", "  -d b", "#> {\"status\":", "#>  \"OK\"}",
                "", "echo hi |", "  cat", "```", "```bash", "rm -rf /", "```");

        assertThat(steps(readme)).containsExactly(
                new Step("curl -s a \\\n  -d b", List.of("{\"status\":", "\"OK\"}")),
                new Step("echo hi |\n  cat", List.of()));
        assertThat(matches("{\"status\":\"OK\"}", List.of("{\"status\":", "\"OK\"}"))).isTrue();
        assertThat(matches("{\"a\":1,\"status\":\"OK\"}", List.of("{…\"status\":…\"OK\"}"))).isTrue();
        assertThat(matches("{\"status\":\"FAILED\"}", List.of("{\"status\":", "\"OK\"}"))).isFalse();
        assertThat(matches("--- TC1\n{\n  \"kind\": \"X\"", List.of("--- TC1", "\"kind\": \"X\""))).isTrue();
    }
}
