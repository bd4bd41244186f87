package vn.lienthong.gateway.intake.xml;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits every XML input is checked against before anything else reads it (SOAP requests, legacy
 * SOAP, XML files). Sized for complaints: a complaint with 50 attachments is a few hundred elements
 * 6 levels deep. CXF's own defaults allow far more (CVE-2026-108039), so they are set to these too.
 *
 * @param maxBytes      largest document
 * @param maxDepth      deepest element nesting
 * @param maxElements   elements in one document
 * @param maxAttributes attributes on one element
 * @param maxTextLength characters in one text node or attribute value
 */
@ConfigurationProperties(prefix = "lienthong.xml")
public record XmlLimits(DataSize maxBytes, int maxDepth, int maxElements, int maxAttributes, int maxTextLength) {

    public XmlLimits {
        maxBytes = maxBytes == null ? DataSize.ofKilobytes(512) : maxBytes;
        maxDepth = maxDepth == 0 ? 32 : maxDepth;
        maxElements = maxElements == 0 ? 2_000 : maxElements;
        maxAttributes = maxAttributes == 0 ? 16 : maxAttributes;
        maxTextLength = maxTextLength == 0 ? 65_536 : maxTextLength;
    }

    public static XmlLimits defaults() {
        return new XmlLimits(null, 0, 0, 0, 0);
    }

    /** The same limits for a batch file: larger, with room for many records. */
    public XmlLimits forBatch(long bytes, int elements) {
        return new XmlLimits(DataSize.ofBytes(bytes), maxDepth, elements, maxAttributes, maxTextLength);
    }
}
