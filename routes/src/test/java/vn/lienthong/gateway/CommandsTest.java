package vn.lienthong.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --help}, {@code -h} and {@code help} print the commands and the main options instead of
 * starting a gateway ({@code --help} used to start one; {@code help} was an unknown command).
 */
class CommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpListsEveryCommandAndTheMainOptionsAndStartsNothing(String arg) {
        assertThat(Commands.dispatch(new String[] {arg})).isZero();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("--lienthong.data-dir=DIR", "--lienthong.config-dir=DIR", "--server.port=PORT",
                "--lienthong.broker.port=PORT", "COMMAND --help");
        Commands.COMMANDS.keySet().forEach(command -> assertThat(text).contains("  " + command + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"new-api-key", "check-config", "hash-password", "normalize", "dlq", "verify-log", "identity", "keycloak-realm",
            "bench-intake", "bench-broker", "bench-delivery", "bench-sms"})
    void everyCommandHasHelp(String command) {
        assertThat(Commands.dispatch(new String[] {command, "--help"})).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(command + ": ").contains("usage:\n  " + command);
    }

    @Test
    void helpNamesACommandsOptions() {
        assertThat(Commands.dispatch(new String[] {"help", "dlq"})).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("dlq replay --subscriber ID --all");
    }

    @Test
    void anUnknownCommandListsTheKnownOnes() {
        assertThat(Commands.dispatch(new String[] {"hepl"})).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("unknown command: hepl").contains("  verify-log ");
    }

    @Test
    void optionsAloneStartTheGateway() {
        assertThat(Commands.dispatch(new String[] {"--server.port=0"})).isEqualTo(-1);
        assertThat(Commands.dispatch(new String[] {})).isEqualTo(-1);
    }
}
