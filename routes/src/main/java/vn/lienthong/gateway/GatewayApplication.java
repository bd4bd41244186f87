package vn.lienthong.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Assembles the gateway. Logic lives in the packages it scans; operator commands that must not start
 * the broker or the HTTP server (normalize, verify-log, dlq) are dispatched before Spring starts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        int exit = Commands.dispatch(args);
        if (exit >= 0) {
            System.exit(exit);
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
