package vn.lienthong.gateway.security;

import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * Keeps {@code Camel*} headers (in any letter case, also as query parameters or JMS properties) from
 * reaching a route from outside, and Camel's own headers from leaking out. Camel's default filters
 * had case and parameter gaps (CVE-2025-27636, CVE-2026-40453); this filter does not rely on them.
 */
public class StrictHeaderFilterStrategy extends DefaultHeaderFilterStrategy {

    public StrictHeaderFilterStrategy() {
        setLowerCase(true);
        setInFilterStartsWith("camel", "org.apache.camel", "breadcrumbid");
        setOutFilterStartsWith("camel", "org.apache.camel", "_amq", "breadcrumbid");
        setFilterOnMatch(true);
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return isCamelLike(headerName) || super.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return isCamelLike(headerName) || super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }

    /** True for any name that Camel could read as one of its own headers. */
    public static boolean isCamelLike(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("camel") || lower.startsWith("org.apache.camel") || lower.startsWith("breadcrumbid");
    }
}
