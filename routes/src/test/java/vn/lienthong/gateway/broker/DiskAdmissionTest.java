package vn.lienthong.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Intake's disk limits, measured on the real file system of a temporary directory. */
class DiskAdmissionTest {

    final AtomicLong nanos = new AtomicLong();

    @Test
    void aReserveLargerThanTheFreeSpaceRefusesAndNamesTheSetting() throws Exception {
        Path dir = Files.createTempDirectory("disk-admission");
        DiskAdmission admission = new DiskAdmission(List.of(dir.resolve("broker"), dir.resolve("message-log")), 100,
                Long.MAX_VALUE, nanos::get);
        assertThat(admission.refusal()).contains("lienthong.broker.min-disk-free").contains("MiB free");
    }

    @Test
    void aUsageAboveTheLimitRefuses() throws Exception {
        Path dir = Files.createTempDirectory("disk-admission");
        Files.write(dir.resolve("something"), new byte[4096]);
        assertThat(new DiskAdmission(List.of(dir), 0, 0, nanos::get).refusal()).contains("lienthong.broker.max-disk-usage");
    }

    @Test
    void withRoomLeftNothingIsRefusedAndDirectoriesNotYetCreatedAreMeasuredByTheirParent() throws Exception {
        Path dir = Files.createTempDirectory("disk-admission");
        assertThat(new DiskAdmission(List.of(dir.resolve("broker/journal")), 100, 0, nanos::get).refusal()).isNull();
    }

    /** The settings bind (a second constructor on the Broker record once made Spring ignore every lienthong.broker.* setting). */
    @Test
    void theDiskSettingsBind() {
        vn.lienthong.gateway.config.GatewayProperties bound = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(java.util.Map.of(
                        "lienthong.broker.max-disk-usage", "100", "lienthong.broker.min-disk-free", "0",
                        "lienthong.broker.port", "24616")))
                .bind("lienthong", vn.lienthong.gateway.config.GatewayProperties.class).get();
        assertThat(bound.broker().maxDiskUsage()).isEqualTo(100);
        assertThat(bound.broker().minDiskFree().toBytes()).isZero();
        assertThat(bound.broker().port()).isEqualTo(24616);
    }

    @Test
    void theBrokersOwnLimitsSitBeyondIntakes() throws Exception {
        vn.lienthong.gateway.config.GatewayProperties properties = new vn.lienthong.gateway.config.GatewayProperties(
                Path.of("target/broker-test"), Path.of("../gateway-config"), false, null, null, null);
        org.apache.activemq.artemis.core.config.Configuration c = BrokerConfigurationFactory.build(properties,
                vn.lienthong.gateway.config.GatewayConfig.load(Path.of("../gateway-config"), false));
        assertThat(c.getMaxDiskUsage()).isEqualTo(97);
        assertThat(c.getMinDiskFree()).as("Artemis applies min-disk-free instead of max-disk-usage when it is set").isEqualTo(-1);
        assertThat(properties.broker().maxDiskUsage()).isEqualTo(95);
        assertThat(properties.broker().minDiskFree().toBytes()).as("more than three 10 MiB journal files")
                .isGreaterThan(3L * c.getJournalFileSize());

        assertThat(BrokerConfigurationFactory.brokerMaxDiskUsage(95)).isEqualTo(97);
        assertThat(BrokerConfigurationFactory.brokerMaxDiskUsage(90)).isEqualTo(95);
        assertThat(BrokerConfigurationFactory.brokerMaxDiskUsage(100)).isEqualTo(100);
    }
}
