package vn.lienthong.gateway.security.doors;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.config.SourceDefinition;

/**
 * The servlet filters in front of every door — REST ({@code /api/*}: intake, tracking, status,
 * admin), SMS ({@code /sms/*}: Kannel), Open311 ({@code /open311/*}) and SOAP ({@code /services/*}) — in this order: the response
 * header allow-list, the failed-login throttle per address, credentials in the URL refused, the body
 * limit. SOAP bodies are limited by
 * the SOAP guard, which stops reading at {@code lienthong.xml.max-bytes} and answers a fault.
 */
@Configuration(proxyBeanMethods = false)
public class DoorSetup {

    static final String[] ALL_DOORS = {"/api/*", "/sms/*", "/services/*", "/open311/*"};
    static final String[] CAMEL_DOORS = {"/api/*", "/sms/*", "/open311/*"};

    /** Failed logins per client address (the filter) and per principal (password checks, SOAP and status doors). */
    @Bean
    FailedLogins failedLoginsByAddress(DoorProperties properties) {
        DoorProperties.FailedLoginLimits limits = properties.failedLogins();
        return new FailedLogins(limits.perAddress(), limits.period(), limits.maxKeys(), System::nanoTime);
    }

    @Bean
    FailedLogins failedLoginsByPrincipal(DoorProperties properties) {
        DoorProperties.FailedLoginLimits limits = properties.failedLogins();
        return new FailedLogins(limits.perPrincipal(), limits.period(), limits.maxKeys(), System::nanoTime);
    }

    @Bean
    VerifiedCredentials verifiedCredentials() {
        return VerifiedCredentials.defaults();
    }

    @Bean
    FilterRegistrationBean<ResponseHeaderAllowList> responseHeaderAllowList() {
        FilterRegistrationBean<ResponseHeaderAllowList> filter = new FilterRegistrationBean<>(new ResponseHeaderAllowList());
        filter.addUrlPatterns(ALL_DOORS);
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return filter;
    }

    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(FailedLogins failedLoginsByAddress) {
        FilterRegistrationBean<LoginThrottle> filter = new FilterRegistrationBean<>(new LoginThrottle(failedLoginsByAddress, VerifiedCredentials.defaults()));
        filter.addUrlPatterns(ALL_DOORS);
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return filter;
    }

    @Bean
    FilterRegistrationBean<UrlCredentials> urlCredentials() {
        FilterRegistrationBean<UrlCredentials> filter = new FilterRegistrationBean<>(new UrlCredentials());
        filter.addUrlPatterns(ALL_DOORS);
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return filter;
    }

    @Bean
    FilterRegistrationBean<BodyLimit> bodyLimit(GatewayConfig config, GatewayProperties properties) {
        FilterRegistrationBean<BodyLimit> filter = new FilterRegistrationBean<>(new BodyLimit(largestBody(config, properties)));
        filter.addUrlPatterns(CAMEL_DOORS);
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 13);
        return filter;
    }

    /** The largest body any source may send: the default, or a source's own larger limit. */
    static long largestBody(GatewayConfig config, GatewayProperties properties) {
        long largest = properties.intake().maxBodySize().toBytes();
        for (SourceDefinition source : config.sources().values()) {
            if (source.limits().maxBodySize() != null) {
                largest = Math.max(largest, DataSize.parse(source.limits().maxBodySize()).toBytes());
            }
        }
        return largest;
    }
}
