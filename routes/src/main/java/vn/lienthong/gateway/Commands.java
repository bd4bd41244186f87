package vn.lienthong.gateway;

/**
 * Operator commands run from the executable jar without starting the gateway:
 * {@code java -jar lienthong-gateway.jar <command> ...}.
 */
final class Commands {

    private Commands() {
    }

    /** Runs the command named by the first argument; -1 when the arguments ask for the gateway itself. */
    static int dispatch(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return -1;
        }
        try {
            return run(args);
        } catch (Exception e) {
            System.err.println(args[0] + " failed: " + e);
            return 1;
        }
    }

    private static int run(String[] args) throws Exception {
        return switch (args[0]) {
            case "bench-broker" -> vn.lienthong.gateway.bench.BrokerBaseline.run(args);
            case "bench-intake" -> vn.lienthong.gateway.bench.IntakeLoad.run(args);
            default -> {
                System.err.println("unknown command: " + args[0]);
                yield 2;
            }
        };
    }
}
