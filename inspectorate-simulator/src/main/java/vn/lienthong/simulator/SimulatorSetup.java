package vn.lienthong.simulator;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.ws.Endpoint;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.catalina.connector.Connector;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two HTTP ports: the service port (SOAP, REST, token endpoint), which "down" closes, and the
 * control port ({@code /sim/...}), which stays open. Schema validation is on for SOAP, as in a real
 * case system: a record that does not fit the contract is refused.
 */
@Configuration(proxyBeanMethods = false)
public class SimulatorSetup {

    static final String NS = "urn:lienthong:wsdl:inspectorate-case:v1";

    @Bean
    Endpoint inspectorateCaseEndpoint(Bus bus, SimulatorState state) {
        EndpointImpl endpoint = new EndpointImpl(bus, new InspectorateCaseSoap(state));
        endpoint.setWsdlLocation("classpath:lienthong/schemas/v1/wsdl/inspectorate-case.wsdl");
        endpoint.setServiceName(new QName(NS, "InspectorateCaseService"));
        endpoint.setEndpointName(new QName(NS, "InspectorateCaseSoap11"));
        endpoint.setProperties(Map.of("schema-validation-enabled", true));
        endpoint.publish("/inspectorate-case");
        return endpoint;
    }

    /** The control connector; the main connector binds on start so that stopping it closes the port. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> controlPort(SimulatorProperties properties) {
        return factory -> {
            factory.addConnectorCustomizers(c -> c.setProperty("bindOnInit", "false"));
            Connector control = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            control.setPort(properties.controlPort());
            control.setProperty("address", "127.0.0.1");
            factory.addAdditionalTomcatConnectors(control);
        };
    }

    /**
     * The control API answers on the control port only; the case system's API on the service port
     * only, where HTTP_500 mode answers before the service is reached.
     */
    @Bean
    FilterRegistrationBean<Filter> ports(SimulatorProperties properties, SimulatorState state) {
        Filter filter = (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            HttpServletResponse answer = (HttpServletResponse) response;
            boolean control = http.getLocalPort() == properties.controlPort();
            boolean controlPath = http.getRequestURI().startsWith("/sim/");
            if (control != controlPath) {
                answer.sendError(404);
                return;
            }
            if (!control && state.mode() == Mode.HTTP_500 && !http.getRequestURI().startsWith("/oauth2/")
                    && "POST".equals(http.getMethod())) {
                state.countFault(http.getRequestURI().startsWith("/services/") ? "soap" : "rest");
                answer.setStatus(500);
                answer.setContentType("text/plain;charset=UTF-8");
                answer.getWriter().write("simulated: 500 Internal Server Error");
                return;
            }
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        registration.setOrder(0);
        return registration;
    }
}
