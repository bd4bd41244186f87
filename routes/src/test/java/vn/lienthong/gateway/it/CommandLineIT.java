package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The packaged jar as an operator meets it: help, and a second gateway started by mistake. */
class CommandLineIT {

    @Test
    void aSecondGatewayOnADataDirectoryInUseExitsAtOnceNamingTheDirectoryAndTheRunningGateway() throws Exception {
        Path logDir = Files.createTempDirectory("lienthong-it-logs");
        try (GatewayProcess first = GatewayProcess.start("--lienthong.log-dir=" + logDir)) {
            Instant started = Instant.now();
            GatewayProcess.CommandResult second = GatewayProcess.command(
                    "--lienthong.data-dir=" + first.dataDir(),
                    "--lienthong.config-dir=" + GatewayProcess.configDir(),
                    "--server.port=" + GatewayProcess.freePort(),
                    "--lienthong.broker.port=" + GatewayProcess.freePort());

            // it used to wait silently, for ever, on the broker journal's lock
            assertThat(second.exitCode()).as(second.output()).isEqualTo(1);
            assertThat(second.output()).contains("data directory " + first.dataDir().toAbsolutePath().normalize()
                    + " is in use by another gateway (pid " + first.pid() + ")");
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMinutes(2));
            assertThat(Http.send(HttpRequest.newBuilder(URI.create(first.baseUrl() + "/actuator/health")).build()).status())
                    .as("the first gateway runs on").isEqualTo(200);
            // and it writes its log to the directory it was given, as well as to stdout
            assertThat(Files.readString(logDir.resolve("spring.log"))).contains("Started GatewayApplication");
        }
    }

    @Test
    void helpPrintsTheCommandsAndOptionsAndStartsNothing() throws Exception {
        for (String help : new String[] {"--help", "-h", "help"}) {
            GatewayProcess.CommandResult result = GatewayProcess.command(help);

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("Commands:", "verify-log", "--lienthong.data-dir=DIR").doesNotContain("Started");
        }
        GatewayProcess.CommandResult dlq = GatewayProcess.command("dlq", "--help");
        assertThat(dlq.exitCode()).isZero();
        assertThat(dlq.output()).contains("dlq list [--subscriber ID]");
    }
}
