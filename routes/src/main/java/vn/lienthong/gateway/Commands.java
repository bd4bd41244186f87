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
        try {
            return run(args);
        } catch (Exception e) {
            System.err.println(args[0] + " failed: " + e);
            return 1;
        }
    }

    /** A random API key for a source, and the line for its YAML. */
    private static int newApiKey() {
        String key = vn.lienthong.gateway.security.ApiKeys.generate();
        System.out.println("API key (give it to the source, keep it secret): " + key);
        System.out.println("for gateway-config/sources/<id>.yaml, under auth.apiKeySha256:");
        System.out.println("    - " + vn.lienthong.gateway.security.ApiKeys.sha256Hex(key));
        return 0;
    }

    /** The PBKDF2 hash of a broker password, read from the console or standard input. */
    private static int hashPassword(String[] args) throws java.io.IOException {
        String password;
        java.io.Console console = System.console();
        if (args.length > 1) {
            System.err.println("pass the password on standard input, not on the command line");
            return 2;
        } else if (console != null) {
            password = new String(console.readPassword("password: "));
        } else {
            password = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.length() < 12) {
            System.err.println("a broker password needs at least 12 characters");
            return 2;
        }
        System.out.println("for gateway-config/subscribers/<id>.yaml, under broker.passwordHash:");
        System.out.println("  passwordHash: \"" + vn.lienthong.gateway.security.Passwords.hash(password) + "\"");
        return 0;
    }

    private static int run(String[] args) throws Exception {
        return switch (args[0]) {
            case "new-api-key" -> newApiKey();
            case "hash-password" -> hashPassword(args);
            case "bench-broker" -> vn.lienthong.gateway.bench.BrokerBaseline.run(args);
            case "bench-intake" -> vn.lienthong.gateway.bench.IntakeLoad.run(args);
            case "bench-delivery" -> vn.lienthong.gateway.bench.DeliveryBench.run(args);
            case "normalize" -> args.length > 1 && args[1].equals("--source")
                    ? vn.lienthong.gateway.intake.cli.SourceDryRun.run(args, System.out, System.err)
                    : NormalizeCommand.run(args, System.out, System.err);
            case "bench-sms" -> vn.lienthong.gateway.bench.SmsKannelLoad.run(args);
            case "dlq" -> vn.lienthong.gateway.deliver.dlq.DeadLetterCommand.run(args);
            case "keycloak-realm" -> vn.lienthong.gateway.security.oidc.RealmExport.run(args);
            case "identity" -> vn.lienthong.gateway.identity.IdentityCommand.run(args);
            case "verify-log" -> vn.lienthong.gateway.messagelog.VerifyLogCommand.run(args);
            default -> {
                System.err.println("unknown command: " + args[0]);
                yield 2;
            }
        };
    }
}
