package vn.lienthong.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.lienthong.gateway.ops.ProcessGuards;

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
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        // before the broker opens the data directory: one gateway per directory, and a bounded stop
        application.addListeners(new ProcessGuards());
        application.run(args);
    }
}
