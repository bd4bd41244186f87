package vn.lienthong.gateway.intake;

import java.nio.file.Path;

/** Where tests find the project's own gateway-config (tests run in the routes module directory). */
final class GatewayConfigPaths {
    static final Path SHIPPED = Path.of("../gateway-config");

    private GatewayConfigPaths() {
    }
}
