package vn.lienthong.gateway;

import vn.lienthong.gateway.normalize.cli.NormalizeCommand;

/**
 * Operator commands run from the executable jar without starting the gateway:
 * {@code java -jar lienthong-gateway.jar <command> ...}.
 */
final class Commands {

    private Commands() {
    }

    /** A command's one-line summary and its usage (options). */
    record Help(String summary, String usage) {
    }

    /** Every command, in the order {@code --help} lists them. */
    static final java.util.Map<String, Help> COMMANDS = commands();

    private static java.util.Map<String, Help> commands() {
        java.util.Map<String, Help> c = new java.util.LinkedHashMap<>();
        c.put("new-api-key", new Help("a random API key for a source, and its hash for the source's YAML", "new-api-key"));
        c.put("hash-password", new Help("the hash of a subscriber's broker password (read from the console or standard input)",
                "hash-password   < password on standard input, at least 12 characters"));
        c.put("check-config", new Help("check the sources and subscribers without starting the gateway; exit 1 on problems",
                "check-config [--config-dir DIR] [--production]   (default ./gateway-config, or LIENTHONG_CONFIG_DIR)"));
        c.put("normalize", new Help("dry run: a file through a source's mapping, or a legacy text file through normalization",
                "normalize --source ID FILE [--type complaint|service-record] [--config-dir DIR]\n"
                        + "normalize --text FILE [--encoding ENC] [--fill-damaged] [--boilerplate REGEX]..."));
        c.put("dlq", new Help("list or replay dead letters of a running gateway (admin API)",
                "dlq list [--subscriber ID] [--json]\n"
                        + "dlq replay ID...\n"
                        + "dlq replay --subscriber ID --all\n"
                        + "options: --gateway URL (default http://127.0.0.1:8080, or LIENTHONG_GATEWAY_URL), --key-file FILE\n"
                        + "         (operator key from LIENTHONG_ADMIN_KEY otherwise)"));
        c.put("verify-log", new Help("check the message log's hash chain; exit 0 intact, 3 a mismatch, 1 unreadable",
                "verify-log [--lienthong.data-dir=DIR] [--spring.profiles.active=prod] [any gateway setting]"));
        c.put("identity", new Help("keys for sealing a reporter's identity, and decrypting one",
                "identity new-key [--ec]\nidentity decrypt --key PRIVATE.jwk [FILE]"));
        c.put("keycloak-realm", new Help("a Keycloak realm (clients, roles) for the configured sources and subscribers",
                "keycloak-realm [--config-dir DIR] [--production] [--audience A]"));
        c.put("bench-intake", new Help("load test of a running gateway's REST intake",
                "bench-intake --url URL --body FILE [--clients 32] [--seconds 20] [--api-key KEY | --bearer-token-file FILE]"));
        c.put("bench-broker", new Help("baseline: durable sends into an embedded broker, no gateway",
                "bench-broker [--seconds 20] [--producers 32] [--config-dir DIR]"));
        c.put("bench-delivery", new Help("delivery throughput and recovery against the inspectorate simulator",
                "bench-delivery --gateway URL --simulator CONTROL-URL [--rate 100] [--seconds 60] [--outage 60] [--warmup 20]"));
        c.put("bench-sms", new Help("SMS intake through a real Kannel (see bench/sms-kannel.sh)",
                "bench-sms [--messages 40000] [--gateway-arg --name=value]..."));
        return java.util.Collections.unmodifiableMap(c);
    }

    static String usage() {
        StringBuilder out = new StringBuilder("""
                lienthong-gateway: takes complaints and service records from many sources (REST, SOAP, files,
                SMS), normalizes them and delivers them to subscribers (queues, SOAP/REST case systems).

                Usage:
                  ./lienthong [--option=value ...]      start the gateway (Ctrl-C or SIGTERM stops it)
                  ./lienthong COMMAND [ARGS ...]        run an operator command and exit
                  ./lienthong COMMAND --help            a command's options
                (./lienthong finds a JDK 21 or newer; "java -jar routes/target/lienthong-gateway.jar" is the same)

                Main options (any setting of application.yaml; also as environment variables, e.g. LIENTHONG_DATA_DIR):
                  --lienthong.config-dir=DIR          sources, subscribers, mappings (default ./gateway-config)
                  --lienthong.data-dir=DIR            broker journal and message log (default ./data); one gateway per directory
                  --server.port=PORT                  HTTP: REST and SOAP intake, admin API, health (default 8080)
                  --lienthong.broker.port=PORT        the embedded broker: AMQP, STOMP, MQTT, core (default 61616)
                  --spring.profiles.active=prod       production settings (gateway-config/application-prod.yaml)
                  --lienthong.shutdown.deadline=30s   a stop that takes longer ends the process anyway

                Commands:
                """);
        int width = COMMANDS.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        COMMANDS.forEach((name, help) -> out.append("  ").append(name).append(" ".repeat(width - name.length()))
                .append(help.summary()).append('\n'));
        out.append("  help").append(" ".repeat(width - 4)).append("this text; help COMMAND: the command's options\n");
        out.append("\nDocs: README.md, docs/operator-guide.md, docs/errors.md\n");
        return out.toString();
    }

    static String usage(String command) {
        Help help = COMMANDS.get(command);
        return command + ": " + help.summary() + "\n\nusage:\n" + help.usage().lines().map(l -> "  " + l + "\n")
                .collect(java.util.stream.Collectors.joining());
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    /** Runs the command named by the first argument; -1 when the arguments ask for the gateway itself. */
    static int dispatch(String[] args) {
        if (args.length > 0 && isHelp(args[0])) {
            if (args.length > 1 && COMMANDS.containsKey(args[1])) {
                System.out.print(usage(args[1]));
            } else {
                System.out.print(usage());
            }
            return 0;
        }
        if (args.length == 0 || args[0].startsWith("-")) {
            return -1;
        }
        if (COMMANDS.containsKey(args[0]) && java.util.Arrays.stream(args, 1, args.length).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
            System.out.print(usage(args[0]));
            return 0;
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
            case "check-config" -> vn.lienthong.gateway.config.CheckConfigCommand.run(args, System.out, System.err, System.getenv());
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
                System.err.println("unknown command: " + args[0] + "\n");
                System.err.print(usage());
                yield 2;
            }
        };
    }
}
