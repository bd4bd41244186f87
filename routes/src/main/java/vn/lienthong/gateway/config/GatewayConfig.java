package vn.lienthong.gateway.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import vn.lienthong.gateway.normalize.RecordType;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.security.ApiKeys;
import vn.lienthong.gateway.security.Passwords;

/**
 * The sources and subscribers an operator declared under {@code gateway-config/}. Loaded once at
 * start-up; every problem in every file is collected so the operator sees them all at once.
 */
public final class GatewayConfig {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true);
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,62}";
    /** A source's channel: the canonical record's enum (schemas/v1/common.schema.json#/$defs/channel). */
    static final List<String> CHANNELS = channels();

    private final Path directory;
    private final Map<String, SourceDefinition> sources;
    private final Map<String, SubscriberDefinition> subscribers;

    private GatewayConfig(Path directory, Map<String, SourceDefinition> sources, Map<String, SubscriberDefinition> subscribers) {
        this.directory = directory;
        this.sources = Collections.unmodifiableMap(sources);
        this.subscribers = Collections.unmodifiableMap(subscribers);
    }

    public Path directory() {
        return directory;
    }

    public Path mappingsDirectory() {
        return directory.resolve("mappings");
    }

    public Map<String, SourceDefinition> sources() {
        return sources;
    }

    public Map<String, SubscriberDefinition> subscribers() {
        return subscribers;
    }

    public Optional<SourceDefinition> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /**
     * Reads and checks {@code sources/*.yaml} and {@code subscribers/*.yaml}.
     *
     * @param production refuse demo credentials
     */
    public static GatewayConfig load(Path directory, boolean production) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            throw new GatewayConfigException(List.of("configuration directory " + directory.toAbsolutePath()
                    + " does not exist (run from the project root or pass --lienthong.config-dir=...)"));
        }
        Map<Path, SourceDefinition> sources = read(directory.resolve("sources"), SourceDefinition.class, problems,
                (file, source) -> checkSource(directory, file, source, production, problems));
        Map<Path, SubscriberDefinition> subscribers = read(directory.resolve("subscribers"), SubscriberDefinition.class, problems,
                (file, subscriber) -> checkSubscriber(file, subscriber, production, problems));
        ChannelChecks.checkAcrossSources(sources, problems);
        if (!problems.isEmpty()) {
            throw new GatewayConfigException(problems);
        }
        return new GatewayConfig(directory, sourcesById(sources), subscribersById(subscribers));
    }

    private static <T> Map<Path, T> read(Path dir, Class<T> type, List<String> problems, BiConsumer<Path, T> check) {
        Map<Path, T> result = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            problems.add(dir + ": cannot list: " + e.getMessage());
            return result;
        }
        for (Path file : files) {
            try {
                T value = YAML.readValue(file.toFile(), type);
                if (value == null) {
                    problems.add(file + ": empty file");
                    continue;
                }
                check.accept(file, value);
                result.put(file, value);
            } catch (UnrecognizedPropertyException e) {
                problems.add(file + ": unknown setting '" + e.getPropertyName() + "' (known here: "
                        + new java.util.TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList()) + ")");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                problems.add(PlainYamlErrors.describe(file, e));
            } catch (IOException e) {
                problems.add(file + ": cannot read: " + e.getMessage());
            }
        }
        return result;
    }

    private static void checkSource(Path config, Path file, SourceDefinition source, boolean production, List<String> problems) {
        String expectedId = baseName(file);
        if (source.id() == null || !source.id().matches(ID_PATTERN)) {
            problems.add(file + ": 'id' must match " + ID_PATTERN);
            return;
        }
        if (!source.id().equals(expectedId)) {
            problems.add(file + ": id '" + source.id() + "' differs from the file name '" + expectedId + "'");
        }
        for (String hash : source.auth().apiKeySha256()) {
            if (hash == null || !hash.matches("[0-9a-fA-F]{64}")) {
                problems.add(file + ": auth.apiKeySha256 entries must be 64 hex digits (java -jar lienthong-gateway.jar new-api-key)");
            } else if (production && ApiKeys.isDemoHash(source.id(), hash)) {
                problems.add(file + ": the production profile refuses the demo API key of " + source.id());
            }
        }
        if (source.channel() != null && !CHANNELS.contains(source.channel())) {
            problems.add(file + ": channel '" + source.channel() + "' is not one of " + String.join(", ", CHANNELS));
        }
        AuthChecks.checkSource(file, source, problems);
        source.records().forEach((type, mapping) -> {
            if (Stream.of(RecordType.values()).noneMatch(t -> t.slug().equals(type))) {
                problems.add(file + ": records." + type + ": unknown record type (complaint, service-record)");
            } else if (mapping == null || mapping.mapping() == null && mapping.xslt() == null) {
                problems.add(file + ": records." + type + ".mapping is missing");
            } else if (mapping.mapping() != null && !Files.isRegularFile(config.resolve("mappings").resolve(mapping.mapping()))) {
                problems.add(file + ": records." + type + ".mapping: no file mappings/" + mapping.mapping());
            }
        });
        ChannelChecks.checkSource(config, file, source, production, problems);
        checkNormalization(file, source.normalization(), problems);
        if (source.sms() != null) {
            source.sms().problems(source.id(), production).forEach(p -> problems.add(file + ": " + p));
        } else if ("SMS".equals(source.channel())) {
            problems.add(file + ": channel SMS needs an 'sms' block (short code, keywords, replies)");
        }
        if (source.open311() != null) {
            source.open311().problems().forEach(p -> problems.add(file + ": " + p));
        } else if ("OPEN311".equals(source.channel())) {
            problems.add(file + ": channel OPEN311 needs an 'open311' block (jurisdictions, services)");
        }
        checkWebhook(file, source.webhook(), production, problems);
        if (source.limits().maxBodySize() != null) {
            try {
                org.springframework.util.unit.DataSize.parse(source.limits().maxBodySize());
            } catch (IllegalArgumentException e) {
                problems.add(file + ": limits.maxBodySize '" + source.limits().maxBodySize() + "' is not a size like 256KB");
            }
        }
    }

    private static void checkNormalization(Path file, SourceDefinition.NormalizationSettings n, List<String> problems) {
        if (n.kinds() != null) {
            n.kinds().forEach((word, kind) -> {
                if (kind == null || vn.lienthong.gateway.normalize.Kinds.kind(kind, Map.of()).isEmpty()) {
                    problems.add(file + ": normalization.kinds." + word + ": '" + kind + "' is not a kind"
                            + " (COMPLAINT, DENUNCIATION, FEEDBACK, PETITION or a word normalize/kinds.tsv knows)");
                }
            });
        }
        try {
            n.toSettings();
        } catch (RuntimeException e) {
            problems.add(file + ": normalization: " + e.getMessage());
            return;
        }
        encodingProblem(n.encoding()).ifPresent(p -> problems.add(file + ": normalization.encoding: " + p));
        for (String pattern : n.boilerplate() == null ? List.<String>of() : n.boilerplate()) {
            try {
                java.util.regex.Pattern.compile(pattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                problems.add(file + ": normalization.boilerplate: not a regular expression: " + e.getDescription() + " in " + pattern);
            }
        }
        try {
            vn.lienthong.gateway.normalize.admin.LocationNormalizer.CodeEra.of(n.administrativeCodes());
        } catch (IllegalArgumentException e) {
            problems.add(file + ": normalization.administrativeCodes: " + e.getMessage());
        }
    }

    private static void checkWebhook(Path file, SourceDefinition.Webhook webhook, boolean production, List<String> problems) {
        if (webhook == null) {
            return;
        }
        java.net.URI uri = null;
        try {
            uri = webhook.url() == null ? null : new java.net.URI(webhook.url());
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        String scheme = uri == null ? null : uri.getScheme();
        if (uri == null || uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
            problems.add(file + ": webhook.url must be an absolute http(s) URL");
        } else if (production && !"https".equals(scheme)) {
            problems.add(file + ": webhook.url must use https in production");
        }
        if ((webhook.secretFile() == null) == (webhook.secretEnv() == null)) {
            problems.add(file + ": webhook needs exactly one of secretFile and secretEnv (the HMAC secret, never in the YAML)");
        } else if (webhook.secret() == null) {
            problems.add(file + ": webhook secret is empty or missing ("
                    + (webhook.secretFile() != null ? "file " + webhook.secretFile() : "environment variable " + webhook.secretEnv()) + ")");
        } else if (webhook.secret().length() < 16) {
            problems.add(file + ": webhook secret must have at least 16 characters");
        }
    }

    private static void checkSubscriber(Path file, SubscriberDefinition subscriber, boolean production, List<String> problems) {
        String expectedId = baseName(file);
        if (subscriber.id() == null || !subscriber.id().matches(ID_PATTERN)) {
            problems.add(file + ": 'id' must match " + ID_PATTERN);
            return;
        }
        if (!subscriber.id().equals(expectedId)) {
            problems.add(file + ": id '" + subscriber.id() + "' differs from the file name '" + expectedId + "'");
        }
        if (subscriber.subscriptions().isEmpty()) {
            problems.add(file + ": 'subscriptions' names no feed (complaints, service-records)");
        }
        subscriber.subscriptions().forEach((feed, filter) -> {
            if (Feed.byKey(feed).isEmpty()) {
                problems.add(file + ": subscriptions." + feed + ": unknown feed (complaints, service-records)");
                return;
            }
            try {
                SubscriptionFilters.toSelector(filter);
            } catch (IllegalArgumentException e) {
                problems.add(file + ": subscriptions." + feed + ": " + e.getMessage());
            }
        });
        String hash = subscriber.broker().passwordHash();
        if (hash != null && !Passwords.isWellFormed(hash)) {
            problems.add(file + ": broker.passwordHash is not a pbkdf2-sha256 hash (java -jar lienthong-gateway.jar hash-password)");
        } else if (hash != null && production && Passwords.verify("demo-" + subscriber.id() + "-secret", hash)) {
            problems.add(file + ": the production profile refuses the demo broker password of " + subscriber.id());
        }
        // a broker login is its password or (issue 6) its Keycloak token
        boolean canLogIn = hash != null || subscriber.auth().acceptsBearer();
        if (subscriber.broker().mqttEnabled() && (!canLogIn || subscriber.delivery().pushed())) {
            problems.add(file + ": broker.mqtt is for a subscriber that pulls its queues itself (delivery: queue, and "
                    + "broker.passwordHash or auth.accept: [bearer])");
        }
        ChannelChecks.checkDelivery(file, subscriber, problems);
        AuthChecks.checkSubscriber(file, subscriber, problems);
    }

    private static Map<String, SourceDefinition> sourcesById(Map<Path, SourceDefinition> byFile) {
        Map<String, SourceDefinition> byId = new LinkedHashMap<>();
        byFile.values().forEach(s -> byId.put(s.id(), s));
        return byId;
    }

    private static Map<String, SubscriberDefinition> subscribersById(Map<Path, SubscriberDefinition> byFile) {
        Map<String, SubscriberDefinition> byId = new LinkedHashMap<>();
        byFile.values().forEach(s -> byId.put(s.id(), s));
        return byId;
    }

    /** Why a text encoding setting is unusable, if it is. */
    static Optional<String> encodingProblem(String encoding) {
        if (encoding == null || "auto".equalsIgnoreCase(encoding)) {
            return Optional.empty();
        }
        try {
            vn.lienthong.gateway.normalize.text.TextDecoding.decode(new byte[0], encoding, encoding);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage() + " (auto, UTF-8, UTF-16BE, windows-1258, TCVN3, VNI-Windows, VISCII or a JDK charset)");
        }
    }

    private static List<String> channels() {
        try (java.io.InputStream in = GatewayConfig.class.getResourceAsStream("/lienthong/schemas/v1/common.schema.json")) {
            List<String> values = new ArrayList<>();
            new ObjectMapper().readTree(in).path("$defs").path("channel").path("enum").forEach(v -> values.add(v.asText()));
            if (values.isEmpty()) {
                throw new IllegalStateException("no channel enum in common.schema.json");
            }
            return List.copyOf(values);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }
}
