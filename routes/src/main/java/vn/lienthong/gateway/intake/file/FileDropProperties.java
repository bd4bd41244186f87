package vn.lienthong.gateway.intake.file;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Gateway-wide file-drop settings ({@code lienthong.file-drop.*}); a source's {@code fileDrop:} block
 * may set its own size limit and stability wait.
 *
 * @param pollInterval   how often each drop directory is scanned
 * @param stableFor      default: a file is read once its size has not changed for this long
 * @param maxFileSize    default largest file
 * @param maxXmlElements elements an XML batch file may have (the other XML limits are lienthong.xml.*)
 */
@ConfigurationProperties(prefix = "lienthong.file-drop")
public record FileDropProperties(Duration pollInterval, Duration stableFor, DataSize maxFileSize, int maxXmlElements) {

    public FileDropProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        stableFor = stableFor == null ? Duration.ofSeconds(2) : stableFor;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(32) : maxFileSize;
        maxXmlElements = maxXmlElements == 0 ? 1_000_000 : maxXmlElements;
    }

    public static FileDropProperties defaults() {
        return new FileDropProperties(null, null, null, 0);
    }
}
