package vn.lienthong.gateway.intake.open311;

import org.apache.camel.builder.RouteBuilder;
import vn.lienthong.gateway.intake.rest.RestProblems;

/**
 * The Open311 GeoReport v2 door at {@code /open311/v2/}: one route per resource, each in XML and
 * JSON ({@code .xml} / {@code .json}). Logic: {@link Open311Door}; HTTP: {@link Open311Http}.
 */
public class Open311Routes extends RouteBuilder {

    /** Name of the Camel servlet mapped at {@code /open311/*}. */
    public static final String SERVLET = "Open311CamelServlet";

    private final Open311Http http;

    public Open311Routes(Open311Http http) {
        this.http = http;
    }

    @Override
    public void configure() {
        // the form body is read by the servlet container as parameters (UTF-8); Camel must not consume it first
        String options = "?servletName=" + SERVLET + "&matchOnUriPrefix=true&chunked=false&mapHttpMessageFormUrlEncodedBody=false"
                + "&headerFilterStrategy=#strictHeaderFilterStrategy";
        from("servlet:/v2/discovery" + options + "&httpMethodRestrict=GET")
                .routeId("intake-open311-discovery")
                .routeConfigurationId(RestProblems.ID)
                .process(http::discovery);
        from("servlet:/v2/services" + options + "&httpMethodRestrict=GET")
                .routeId("intake-open311-services")
                .routeConfigurationId(RestProblems.ID)
                .process(http::services);
        from("servlet:/v2/requests" + options + "&httpMethodRestrict=GET,POST")
                .routeId("intake-open311-requests")
                .routeConfigurationId(RestProblems.ID)
                .process(http::requests);
        from("servlet:/v2/tokens" + options + "&httpMethodRestrict=GET")
                .routeId("intake-open311-tokens")
                .routeConfigurationId(RestProblems.ID)
                .process(http::tokens);
    }
}
