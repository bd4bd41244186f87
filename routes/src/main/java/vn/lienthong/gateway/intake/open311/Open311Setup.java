package vn.lienthong.gateway.intake.open311;

import java.time.Clock;
import org.apache.camel.component.servlet.CamelHttpTransportServlet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.messagelog.MessageLogQueries;
import vn.lienthong.gateway.security.SourceCallers;
import vn.lienthong.gateway.tracking.TrackingService;

/** Assembles the Open311 door: a third Camel servlet at {@code /open311/*} beside {@code /api/*} and {@code /sms/*}. */
@Configuration(proxyBeanMethods = false)
public class Open311Setup {

    @Bean
    Open311Catalogue open311Catalogue(GatewayConfig config) {
        return new Open311Catalogue(config);
    }

    @Bean
    Open311Door open311Door(Open311Catalogue catalogue, IntakeService intake, SourceCallers callers, TrackingService tracking,
            ObjectProvider<MessageLogQueries> log, Clock clock,
            @Value("${lienthong.open311.contact:Bộ phận tiếp nhận phản ánh, kiến nghị}") String contact) {
        return new Open311Door(catalogue, intake, callers, tracking, java.util.Optional.ofNullable(log.getIfAvailable()), clock, contact);
    }

    @Bean
    Open311Routes open311Routes(Open311Door door, GatewayProperties properties) {
        return new Open311Routes(new Open311Http(door, properties.intake().maxBodySize().toBytes()));
    }

    @Bean
    ServletRegistrationBean<CamelHttpTransportServlet> open311CamelServlet() {
        ServletRegistrationBean<CamelHttpTransportServlet> servlet =
                new ServletRegistrationBean<>(new CamelHttpTransportServlet(), "/open311/*");
        servlet.setName(Open311Routes.SERVLET);
        servlet.setLoadOnStartup(1);
        return servlet;
    }
}
