package vn.lienthong.gateway.intake.soap;

import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.camel.component.cxf.transport.header.CxfHeaderFilterStrategy;
import vn.lienthong.gateway.security.StrictHeaderFilterStrategy;
import vn.lienthong.gateway.security.doors.ResponseHeaderAllowList;

/**
 * CXF's own header filtering (it keeps transport headers such as Content-Length from crossing
 * between request and answer) plus the gateway's strict {@code Camel*} filter
 * (CVE-2025-27636, CVE-2026-40453) for HTTP headers of SOAP requests; SOAP headers are not relayed.
 * Camel's CXF consumer names the operation in the headers {@code operationName} and
 * {@code operationNamespace}, without a Camel prefix: an HTTP header of that name is dropped, or it
 * would choose (or break) the operation. An answer carries only the headers of
 * {@link ResponseHeaderAllowList}: a request's headers (its {@code Authorization}, its cookies) are
 * message headers and were copied into the answer.
 */
public class StrictCxfHeaderFilterStrategy extends CxfHeaderFilterStrategy {

    public StrictCxfHeaderFilterStrategy() {
        // SOAP headers of a request (a WS-Security UsernameToken with its password) must never be
        // echoed into the answer, nor travel on inside the gateway
        setRelayHeaders(false);
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return StrictHeaderFilterStrategy.isCamelLike(headerName) || isOperationHeader(headerName)
                || super.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !ResponseHeaderAllowList.allowed(headerName) || StrictHeaderFilterStrategy.isCamelLike(headerName)
                || super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }

    static boolean isOperationHeader(String name) {
        String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return lower.equals(CxfConstants.OPERATION_NAME.toLowerCase(Locale.ROOT))
                || lower.equals(CxfConstants.OPERATION_NAMESPACE.toLowerCase(Locale.ROOT));
    }
}
