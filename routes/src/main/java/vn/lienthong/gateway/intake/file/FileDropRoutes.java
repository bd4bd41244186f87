package vn.lienthong.gateway.intake.file;

import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.xml.XmlLimits;
import vn.lienthong.gateway.intake.xml.XsltMappings;
import vn.lienthong.gateway.normalize.PayloadDecoder;

/**
 * One route per source with a {@code fileDrop:} block, id {@code intake-file-<source>}: Camel's file
 * consumer waits until a file is complete (its size stable for {@code stableFor}, or a
 * {@code <name>.done} marker beside it) and hands it to {@link FileDropProcessor}, which moves it. A
 * failure (broker unavailable) leaves the file in place for the next poll.
 */
@Component
public class FileDropRoutes extends RouteBuilder {

    private final GatewayConfig config;
    private final GatewayProperties properties;
    private final FileDropProperties fileDrop;
    private final IntakeService intake;
    private final PayloadDecoder decoder;
    private final XsltMappings xslt;
    private final RejectedInputs rejected;
    private final XmlLimits xmlLimits;
    private final Clock clock;

    public FileDropRoutes(GatewayConfig config, GatewayProperties properties, FileDropProperties fileDrop, IntakeService intake,
            PayloadDecoder decoder, XsltMappings xslt, RejectedInputs rejected, XmlLimits xmlLimits, Clock clock) {
        this.config = config;
        this.properties = properties;
        this.fileDrop = fileDrop;
        this.intake = intake;
        this.decoder = decoder;
        this.xslt = xslt;
        this.rejected = rejected;
        this.xmlLimits = xmlLimits;
        this.clock = clock;
    }

    /** The parking of refused input, shared by the file routes. */
    @Configuration(proxyBeanMethods = false)
    static class Setup {
        @Bean(destroyMethod = "close")
        RejectedInputs rejectedInputs(ConnectionFactory brokerConnectionFactory) {
            return new RejectedInputs(brokerConnectionFactory);
        }
    }

    @Override
    public void configure() throws IOException {
        for (SourceDefinition source : config.sources().values()) {
            SourceDefinition.FileDrop drop = source.fileDrop();
            if (drop == null) {
                continue;
            }
            Path dir = directory(properties, source);
            Files.createDirectories(dir.resolve("done"));
            Files.createDirectories(dir.resolve("error"));
            FileDropProcessor processor = FileDropProcessor.of(source, intake, decoder, xslt, rejected, xmlLimits, fileDrop, clock);
            from(uri(dir, drop))
                    .routeId("intake-file-" + source.id())
                    .process(exchange -> {
                        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
                        processor.process(file);
                        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".done"));
                    });
        }
    }

    /** {@code fileDrop.directory}, relative to the data directory; default {@code <data-dir>/drop/<id>}. */
    public static Path directory(GatewayProperties properties, SourceDefinition source) {
        String configured = source.fileDrop().directory();
        Path base = properties.dataDir().toAbsolutePath();
        return configured == null ? base.resolve("drop").resolve(source.id()) : base.resolve(configured);
    }

    private String uri(Path dir, SourceDefinition.FileDrop drop) {
        String include = "xml".equals(drop.format()) ? "(?i).*\\.xml" : "(?i).*\\.(csv|txt)";
        StringBuilder uri = new StringBuilder("file:").append(dir)
                .append("?noop=true&idempotent=false&autoCreate=true&readLockMarkerFile=false")
                .append("&delay=").append(fileDrop.pollInterval().toMillis())
                .append("&include=RAW(").append(include).append(")");
        if ("done-marker".equals(drop.completion())) {
            uri.append("&doneFileName=${file:name}.done&readLock=none");
        } else {
            Duration stable = drop.stableFor() == null ? fileDrop.stableFor()
                    : org.springframework.boot.convert.DurationStyle.detectAndParse(drop.stableFor());
            long check = Math.max(100, Math.min(1_000, stable.toMillis() / 2));
            uri.append("&readLock=changed&readLockMinAge=").append(stable.toMillis())
                    .append("&readLockCheckInterval=").append(check)
                    .append("&readLockTimeout=").append(stable.toMillis() * 10 + 10_000);
        }
        return uri.toString();
    }
}
