package vn.lienthong.gateway.intake.soap;

import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.transport.header.CxfHeaderFilterStrategy;
import vn.lienthong.gateway.security.StrictHeaderFilterStrategy;

/**
 * CXF's own header filtering (it keeps transport headers such as Content-Length from crossing
 * between request and answer) plus the gateway's strict {@code Camel*} filter
 * (CVE-2025-27636, CVE-2026-40453) for HTTP headers of SOAP requests; SOAP headers are not relayed.
 */
public class StrictCxfHeaderFilterStrategy extends CxfHeaderFilterStrategy {

    public StrictCxfHeaderFilterStrategy() {
        // SOAP headers of a request (a WS-Security UsernameToken with its password) must never be
        // echoed into the answer, nor travel on inside the gateway
        setRelayHeaders(false);
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return StrictHeaderFilterStrategy.isCamelLike(headerName) || super.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return StrictHeaderFilterStrategy.isCamelLike(headerName) || super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }
}
