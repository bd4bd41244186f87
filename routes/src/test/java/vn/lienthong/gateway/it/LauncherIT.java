package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lienthong} runs the jar with a JDK 21 or newer although the {@code java} on PATH and
 * JAVA_HOME are older: following the README with only JAVA_HOME set once ran {@code /usr/bin/java} 17
 * and printed an UnsupportedClassVersionError. The old java here is a stand-in that answers
 * {@code -version} as 17 does and fails otherwise; the good JDK is the one running this test, found
 * in a JVM directory as the launcher looks in {@code /usr/lib/jvm}.
 */
class LauncherIT {

    @TempDir
    Path dir;

    @Test
    void theLauncherRunsTheJarWithAJdk21WhenPathAndJavaHomeHaveAnOlderJava() throws Exception {
        Path oldJdk = dir.resolve("jdk-17");
        Files.createDirectories(oldJdk.resolve("bin"));
        Path oldJava = oldJdk.resolve("bin/java");
        Files.writeString(oldJava, """
                #!/bin/sh
                if [ "$1" = -version ]; then echo 'openjdk version "17.0.17" 2025-10-21' >&2; exit 0; fi
                echo "Exception in thread main java.lang.UnsupportedClassVersionError: the old java ran" >&2
                exit 1
                """);
        Files.setPosixFilePermissions(oldJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jvms = Files.createDirectories(dir.resolve("jvm"));
        Files.createSymbolicLink(jvms.resolve("the-test-jdk"), Path.of(System.getProperty("java.home")));

        Path launcher = GatewayProcess.configDir().getParent().resolve("lienthong");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--help").redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", oldJdk.resolve("bin") + ":/usr/bin:/bin");
        env.put("JAVA_HOME", oldJdk.toString());
        env.put("LIENTHONG_JVM_DIR", jvms.toString());
        env.put("LIENTHONG_JAR", Path.of(System.getProperty("lienthong.it.jar", "target/lienthong-gateway.jar")).toAbsolutePath().toString());
        Process process = ItProcesses.track(builder.start(), "launcher");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        ItProcesses.untrack(process.toHandle());

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Commands:").doesNotContain("UnsupportedClassVersionError");
    }
}
