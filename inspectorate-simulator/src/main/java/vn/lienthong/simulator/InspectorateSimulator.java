package vn.lienthong.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A stand-in for an inspectorate's case system: InspectorateCase over SOAP at
 * {@code /services/inspectorate-case}, the REST equivalent at {@code /api/v1/cases} (OAuth2 client
 * credentials from {@code /oauth2/token}), on the service port (default 8089). It keeps every case it
 * receives and can be switched at run time to fail in the ways real case systems do, through the
 * control API on its own port (default 8088), which stays up when the service port is "down".
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InspectorateSimulator {

    public static void main(String[] args) {
        SpringApplication.run(InspectorateSimulator.class, args);
    }
}
