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
 * consumer offers a file once it is complete (its size and modification time unchanged for
 * {@code stableFor}, see {@link DropFileFilter}, or a {@code <name>.done} marker beside it) and hands
 * it to {@link FileDropProcessor}, which moves it. A failure (broker unavailable) leaves the file in
 * place for the next poll; a file that cannot be moved is not offered again until it changes.
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
            boolean marker = "done-marker".equals(drop.completion());
            DropFileFilter filter = new DropFileFilter(marker ? Duration.ZERO : stableFor(drop), clock);
            String filterName = "fileDropFilter-" + source.id();
            getContext().getRegistry().bind(filterName, filter);
            // a file that still grows this long after it was moved had a writer that only paused
            Duration lateWriteWindow = Duration.ofMinutes(1).plus(marker ? Duration.ZERO : stableFor(drop).multipliedBy(10));
            from(uri(dir, drop, filterName))
                    .routeId("intake-file-" + source.id())
                    .process(exchange -> {
                        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
                        // as read: the processor refuses a file that changes while it reads it
                        DropFileFilter.Seen asRead = filter.observe(file);
                        try {
                            FileDropProcessor.FileOutcome outcome = processor.process(file);
                            filter.watchMoved(outcome.target(), file, asRead, lateWriteWindow);
                        } catch (FileDropProcessor.NotMovedException e) {
                            filter.leaveInPlace(file);
                        }
                        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".done"));
                    });
            from("timer:intake-file-" + source.id() + "-late-writes?period=" + fileDrop.pollInterval().toMillis())
                    .routeId("intake-file-" + source.id() + "-late-writes")
                    .process(exchange -> filter.reclaimGrown());
        }
    }

    /** {@code fileDrop.directory}, relative to the data directory; default {@code <data-dir>/drop/<id>}. */
    public static Path directory(GatewayProperties properties, SourceDefinition source) {
        String configured = source.fileDrop().directory();
        Path base = properties.dataDir().toAbsolutePath();
        return configured == null ? base.resolve("drop").resolve(source.id()) : base.resolve(configured);
    }

    /**
     * Completeness is decided by the {@link DropFileFilter} (stable size and time across polls) or by
     * Camel's done-file check; Camel's own read locks are off, since {@code readLock=changed} waits
     * inside the poll and with a minimum age checks only the file's time. Patterns match names with
     * line breaks too ({@code (?s)}), so such a file is refused with a reason instead of ignored.
     */
    private String uri(Path dir, SourceDefinition.FileDrop drop, String filterName) {
        String include = "xml".equals(drop.format()) ? "(?is).*\\.xml" : "(?is).*\\.(csv|txt)";
        StringBuilder uri = new StringBuilder("file:").append(dir)
                .append("?noop=true&idempotent=false&autoCreate=true&readLock=none&readLockMarkerFile=false")
                .append("&delay=").append(fileDrop.pollInterval().toMillis())
                .append("&include=RAW(").append(include).append(")")
                .append("&filter=#").append(filterName);
        if ("done-marker".equals(drop.completion())) {
            uri.append("&doneFileName=${file:name}.done");
        }
        return uri.toString();
    }

    private Duration stableFor(SourceDefinition.FileDrop drop) {
        return drop.stableFor() == null ? fileDrop.stableFor()
                : org.springframework.boot.convert.DurationStyle.detectAndParse(drop.stableFor());
    }
}
