package vn.lienthong.gateway.config;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code check-config [--config-dir DIR] [--production]}: reads and checks every source and
 * subscriber file as the gateway does at start, without starting anything (no broker, no HTTP
 * server, no Spring). Exit status 0: no problem; 1: problems, each with its file; 2: bad arguments.
 */
public final class CheckConfigCommand {

    private CheckConfigCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Path dir = Path.of(env.getOrDefault("LIENTHONG_CONFIG_DIR", "gateway-config"));
        boolean production = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--config-dir" -> {
                    if (i + 1 >= args.length) {
                        err.println("--config-dir needs a directory");
                        return 2;
                    }
                    dir = Path.of(args[++i]);
                }
                case "--production" -> production = true;
                default -> {
                    if (args[i].startsWith("--config-dir=")) {
                        dir = Path.of(args[i].substring("--config-dir=".length()));
                    } else {
                        err.println("unknown option " + args[i] + " (check-config [--config-dir DIR] [--production])");
                        return 2;
                    }
                }
            }
        }
        try {
            GatewayConfig config = GatewayConfig.load(dir, production);
            out.println(dir + ": " + config.sources().size() + " source(s), " + config.subscribers().size()
                    + " subscriber(s), no problem found" + (production ? " (production rules)" : ""));
            return 0;
        } catch (GatewayConfigException e) {
            err.println(dir + ": " + e.problems().size() + " problem(s):");
            e.problems().forEach(p -> err.println("  - " + p));
            return 1;
        }
    }
}
