package vn.lienthong.gateway.intake.soap;

import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.staxutils.StaxUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.xml.XmlLimits;
import vn.lienthong.gateway.intake.xml.XsltMappings;
import vn.lienthong.gateway.security.SourceCallers;
import vn.lienthong.gateway.security.SubscriberCallers;
import vn.lienthong.gateway.security.doors.FailedLogins;
import vn.lienthong.gateway.security.doors.VerifiedCredentials;
import vn.lienthong.gateway.tracking.StatusUpdateSink;
import vn.lienthong.schemas.v1.inspectorate.CaseStatusCallback;
import vn.lienthong.schemas.v1.intake.ComplaintIntake;

/**
 * The gateway's SOAP services on CXF's servlet ({@code /services}, {@code cxf.path}):
 * ComplaintIntake at {@code /services/complaint-intake} (SOAP 1.1; SOAP 1.2 at {@code …/soap12}) and
 * CaseStatusCallback at {@code /services/case-status}. Both validate against their WSDL's schema and
 * read XML only after {@link SoapGuardInterceptor} has checked it.
 */
@Configuration(proxyBeanMethods = false)
public class SoapIntakeSetup {

    static final String INTAKE_WSDL = "classpath:lienthong/schemas/v1/wsdl/complaint-intake.wsdl";
    static final String INSPECTORATE_WSDL = "classpath:lienthong/schemas/v1/wsdl/inspectorate-case.wsdl";
    static final String INTAKE_WSDL_NS = "urn:lienthong:wsdl:complaint-intake:v1";
    static final String INSPECTORATE_WSDL_NS = "urn:lienthong:wsdl:inspectorate-case:v1";

    @Bean
    XsltMappings xsltMappings(GatewayConfig config) {
        return XsltMappings.compile(config);
    }

    @Bean
    SoapIntakeService soapIntakeService(IntakeService intake, XsltMappings xslt) {
        return new SoapIntakeService(intake, xslt);
    }

    @Bean
    StatusCallbackService statusCallbackService(ObjectProvider<StatusUpdateSink> sink) {
        return new StatusCallbackService(sink::getIfAvailable);
    }

    @Bean
    CxfEndpoint complaintIntakeEndpoint(Bus bus, XmlLimits limits, GatewayConfig config, SourceCallers sourceCallers,
            VerifiedCredentials verifiedCredentials, FailedLogins failedLoginsByPrincipal) {
        return endpoint(bus, limits, "/complaint-intake", ComplaintIntake.class, INTAKE_WSDL,
                new QName(INTAKE_WSDL_NS, "ComplaintIntakeService"), new QName(INTAKE_WSDL_NS, "ComplaintIntakeSoap11"),
                new SoapGuardInterceptor(limits, SoapCredentials.sources(config, sourceCallers).with(verifiedCredentials, failedLoginsByPrincipal),
                        legacyRequests(config)));
    }

    @Bean
    CxfEndpoint complaintIntakeSoap12Endpoint(Bus bus, XmlLimits limits, GatewayConfig config, SourceCallers sourceCallers,
            VerifiedCredentials verifiedCredentials, FailedLogins failedLoginsByPrincipal) {
        return endpoint(bus, limits, "/complaint-intake/soap12", ComplaintIntake.class, INTAKE_WSDL,
                new QName(INTAKE_WSDL_NS, "ComplaintIntakeService"), new QName(INTAKE_WSDL_NS, "ComplaintIntakeSoap12"),
                new SoapGuardInterceptor(limits, SoapCredentials.sources(config, sourceCallers).with(verifiedCredentials, failedLoginsByPrincipal),
                        legacyRequests(config)));
    }

    @Bean
    CxfEndpoint caseStatusEndpoint(Bus bus, XmlLimits limits, GatewayConfig config, SubscriberCallers subscriberCallers,
            VerifiedCredentials verifiedCredentials, FailedLogins failedLoginsByPrincipal) {
        return endpoint(bus, limits, "/case-status", CaseStatusCallback.class, INSPECTORATE_WSDL,
                new QName(INSPECTORATE_WSDL_NS, "CaseStatusCallbackService"), new QName(INSPECTORATE_WSDL_NS, "CaseStatusCallbackSoap11"),
                new SoapGuardInterceptor(limits, SoapCredentials.subscribers(config, subscriberCallers).with(verifiedCredentials, failedLoginsByPrincipal),
                        null));
    }

    private static CxfEndpoint endpoint(Bus bus, XmlLimits limits, String address, Class<?> service, String wsdl,
            QName serviceName, QName portName, SoapGuardInterceptor guard) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setBus(bus);
        endpoint.setAddress(address);
        endpoint.setServiceClass(service);
        endpoint.setWsdlURL(wsdl);
        endpoint.setServiceNameAsQName(serviceName);
        endpoint.setPortNameAsQName(portName);
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setSchemaValidationEnabled(true);
        endpoint.setHeaderFilterStrategy(new StrictCxfHeaderFilterStrategy());
        endpoint.setProperties(cxfLimits(limits));
        endpoint.getInInterceptors().add(guard);
        endpoint.getOutFaultInterceptors().add(new SoapFaultInterceptor());
        return endpoint;
    }

    /** CXF's own parser limits, far lower than its defaults (CVE-2026-108039): the same as the guard's. */
    static Map<String, Object> cxfLimits(XmlLimits limits) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(StaxUtils.MAX_ELEMENT_DEPTH, limits.maxDepth());
        properties.put(StaxUtils.MAX_CHILD_ELEMENTS, limits.maxElements());
        properties.put(StaxUtils.MAX_ELEMENT_COUNT, (long) limits.maxElements());
        properties.put(StaxUtils.MAX_ATTRIBUTE_COUNT, limits.maxAttributes());
        properties.put(StaxUtils.MAX_ATTRIBUTE_SIZE, limits.maxTextLength());
        properties.put(StaxUtils.MAX_TEXT_LENGTH, limits.maxTextLength());
        properties.put(StaxUtils.MAX_XML_CHARACTERS, limits.maxBytes().toBytes());
        return properties;
    }

    /** source id → (its own request element → record type) */
    static Map<String, Map<QName, String>> legacyRequests(GatewayConfig config) {
        Map<String, Map<QName, String>> bySource = new HashMap<>();
        for (SourceDefinition source : config.sources().values()) {
            for (SourceDefinition.LegacyRequest legacy : source.soap().legacyRequests()) {
                bySource.computeIfAbsent(source.id(), k -> new HashMap<>()).put(QName.valueOf(legacy.element()), legacy.recordType());
            }
        }
        return bySource;
    }
}
