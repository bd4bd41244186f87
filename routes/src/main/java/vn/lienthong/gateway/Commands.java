package vn.lienthong.gateway;

import vn.lienthong.gateway.normalize.cli.NormalizeCommand;

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
        return switch (args[0]) {
            case "normalize" -> NormalizeCommand.run(args, System.out, System.err);
            default -> {
                System.err.println("unknown command: " + args[0]);
                yield 2;
            }
        };
    }
}
