package vn.lienthong.gateway.intake.sms;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.servlet.CamelHttpTransportServlet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayConfigException;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.normalize.PayloadDecoder;
import vn.lienthong.gateway.publish.RecordPublisher;
import vn.lienthong.gateway.tracking.CaseLookup;

/** Assembles the SMS channel from its plain classes. */
@Configuration(proxyBeanMethods = false)
public class SmsSetup {

    /** The short codes of every source with an {@code sms:} block. */
    @Bean
    SmsIntake smsIntake(GatewayConfig config, IntakeService intake, BrokerSmsQueues queues,
            ObjectProvider<CaseLookup> caseLookup, Clock clock, MeterRegistry meters) {
        Map<String, SmsShortCode> shortCodes = new LinkedHashMap<>();
        Map<String, String> sourceByNumber = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (SourceDefinition source : config.sources().values()) {
            if (source.sms() == null) {
                continue;
            }
            String other = sourceByNumber.putIfAbsent(source.sms().shortCode(), source.id());
            if (other != null) {
                problems.add("sources " + other + " and " + source.id() + " both have short code " + source.sms().shortCode());
            }
            shortCodes.put(source.id(), SmsShortCode.of(source, Places.shipped(), caseLookup::getIfAvailable, clock));
        }
        if (!problems.isEmpty()) {
            throw new GatewayConfigException(problems);
        }
        return new SmsIntake(shortCodes, intake, queues, queues, queues, clock, meters);
    }

    @Bean(destroyMethod = "close")
    BrokerSmsQueues brokerSmsQueues(RecordPublisher publisher, ConnectionFactory brokerConnectionFactory, Clock clock) {
        return new BrokerSmsQueues(publisher, brokerConnectionFactory, clock);
    }

    @Bean
    KannelIntakeProcessor kannelIntakeProcessor(SmsIntake intake, PayloadDecoder decoder) {
        return new KannelIntakeProcessor(new KannelCallback(intake.shortCodes(), decoder), intake);
    }

    @Bean(destroyMethod = "close")
    SmsFragments smsFragments(RecordPublisher publisher, ConnectionFactory brokerConnectionFactory) {
        return new SmsFragments(publisher, brokerConnectionFactory);
    }

    @Bean
    SmppInbound smppInbound(SmsIntake intake, SmsFragments fragments, Clock clock) {
        return new SmppInbound(intake, fragments, clock);
    }

    /** The bind starts once Camel runs (it hands messages to a route), in the background. */
    @Bean(destroyMethod = "close")
    SmppLink smppLink(CamelContext camel, SmsProperties properties, GatewayProperties gateway) throws Exception {
        SmsProperties.Smpp smpp = properties.smpp();
        if (smpp.enabled()) {
            List<String> problems = smppProblems(smpp, gateway.production());
            if (!problems.isEmpty()) {
                throw new GatewayConfigException(problems);
            }
        }
        SmppLink link = new SmppLink(camel, smpp, SmsRoutes.SMPP_INTAKE_ROUTE);
        camel.addStartupListener((context, alreadyStarted) -> link.start());
        return link;
    }

    @Bean
    SmsSender smsSender(SmsProperties properties, SmppLink smpp, BrokerSmsQueues queues, GatewayProperties gateway) {
        SmsProperties.Kannel kannel = properties.kannel();
        if (gateway.production() && DEMO_SENDSMS_PASSWORD.equals(kannel.password())) {
            throw new GatewayConfigException(List.of("lienthong.sms.kannel.password: the production profile refuses the demo sendsms password"));
        }
        return new SmsSender(new KannelSendSms(kannel), smpp, queues);
    }

    /** Status-change SMS to reporters (called by the tracking store). */
    @Bean(destroyMethod = "close")
    SmsStatusNotifier smsStatusNotifier(SmsIntake intake, BrokerSmsQueues queues) {
        return new SmsStatusNotifier(intake.shortCodes(), queues);
    }

    /** A second Camel servlet for {@code /sms/*}: Kannel's callback, beside the REST API's {@code /api/*}. */
    @Bean
    ServletRegistrationBean<CamelHttpTransportServlet> smsCamelServlet() {
        ServletRegistrationBean<CamelHttpTransportServlet> servlet =
                new ServletRegistrationBean<>(new CamelHttpTransportServlet(), "/sms/*");
        servlet.setName(SmsRoutes.SERVLET);
        servlet.setLoadOnStartup(1);
        return servlet;
    }

    /**
     * The SMPP bind's state. Reported, not judged: an SMSC outage must not take the gateway (and its
     * other channels) out of a load balancer, so a missing bind is UNKNOWN rather than DOWN.
     */
    @Bean
    HealthIndicator smpp(SmppLink link) {
        return () -> switch (link.state()) {
            case BOUND -> Health.up().build();
            case DISABLED -> Health.unknown().withDetail("smpp", "disabled").build();
            default -> Health.unknown().withDetail("smpp", link.state().name().toLowerCase(java.util.Locale.ROOT)).build();
        };
    }

    /** SMPP 3.4 field limits (C-Octet strings with their NUL): checked here so a bind never fails on them. */
    static List<String> smppProblems(SmsProperties.Smpp smpp, boolean production) {
        List<String> problems = new ArrayList<>();
        if (smpp.systemId() == null || smpp.systemId().isBlank() || smpp.systemId().length() > 15) {
            problems.add("lienthong.sms.smpp.system-id must have 1 to 15 characters");
        }
        if (smpp.password() != null && smpp.password().length() > 8) {
            problems.add("lienthong.sms.smpp.password has more than 8 characters (SMPP 3.4 allows 8)");
        }
        if (production && (smpp.password() == null || smpp.password().isBlank())) {
            problems.add("lienthong.sms.smpp.password is empty (set LIENTHONG_SMS_SMPP_PASSWORD)");
        }
        if (smpp.systemType().length() > 12) {
            problems.add("lienthong.sms.smpp.system-type has more than 12 characters");
        }
        if (smpp.addressRange() != null && smpp.addressRange().length() > 40) {
            problems.add("lienthong.sms.smpp.address-range has more than 40 characters");
        }
        return problems;
    }

    /** The sendsms password of the demo configuration, refused in production. */
    static final String DEMO_SENDSMS_PASSWORD = "demo-sendsms-secret";
}
