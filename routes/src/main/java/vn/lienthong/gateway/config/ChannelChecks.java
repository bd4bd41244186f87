package vn.lienthong.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;
import vn.lienthong.gateway.normalize.RecordType;
import vn.lienthong.gateway.security.Passwords;

/**
 * Checks of the SOAP, file-drop and push-delivery settings of sources and subscribers; part of
 * {@link GatewayConfig#load}, so every problem is reported with its file at start-up.
 */
final class ChannelChecks {

    static final Set<String> DELIVERY_TYPES = Set.of("queue", "soap", "rest");

    private ChannelChecks() {
    }

    static void checkSource(Path config, Path file, SourceDefinition source, boolean production, List<String> problems) {
        source.records().forEach((type, mapping) -> {
            if (mapping != null && mapping.xslt() != null && !Files.isRegularFile(config.resolve("mappings").resolve(mapping.xslt()))) {
                problems.add(file + ": records." + type + ".xslt: no file mappings/" + mapping.xslt());
            }
        });
        SourceDefinition.Soap soap = source.soap();
        for (SourceDefinition.LegacyRequest legacy : soap.legacyRequests()) {
            if (legacy.element() == null || !legacy.element().matches("\\{[^}]*}[\\p{L}_][\\p{L}\\p{N}._-]*")) {
                problems.add(file + ": soap.legacyRequests.element '" + legacy.element() + "' must look like {namespace}LocalName");
            }
            if (!isRecordType(legacy.recordType())) {
                problems.add(file + ": soap.legacyRequests.recordType must be complaint or service-record");
            } else if (xslt(source, legacy.recordType()) == null) {
                problems.add(file + ": soap.legacyRequests: records." + legacy.recordType() + ".xslt is needed to map "
                        + legacy.element());
            }
        }
        if (soap.usernameToken() != null) {
            SourceDefinition.UsernameToken token = soap.usernameToken();
            if (token.username() == null || token.username().isBlank()) {
                problems.add(file + ": soap.usernameToken.username is missing");
            }
            if (token.passwordHash() == null || !Passwords.isWellFormed(token.passwordHash())) {
                problems.add(file + ": soap.usernameToken.passwordHash is not a pbkdf2-sha256 hash (java -jar lienthong-gateway.jar hash-password)");
            } else if (production && Passwords.verify("demo-" + source.id() + "-secret", token.passwordHash())) {
                problems.add(file + ": the production profile refuses the demo SOAP password of " + source.id());
            }
        }
        if (source.fileDrop() != null) {
            checkFileDrop(file, source, problems);
        }
    }

    private static void checkFileDrop(Path file, SourceDefinition source, List<String> problems) {
        SourceDefinition.FileDrop drop = source.fileDrop();
        String format = drop.format() == null ? "csv" : drop.format();
        if (!isRecordType(drop.recordType())) {
            problems.add(file + ": fileDrop.recordType must be complaint or service-record");
        }
        if (drop.completion() != null && !Set.of("stable", "done-marker").contains(drop.completion())) {
            problems.add(file + ": fileDrop.completion must be stable or done-marker");
        }
        GatewayConfig.encodingProblem(drop.encoding()).ifPresent(p -> problems.add(file + ": fileDrop.encoding: " + p));
        duration(file, "fileDrop.stableFor", drop.stableFor(), problems);
        if (drop.maxFileSize() != null) {
            try {
                DataSize.parse(drop.maxFileSize());
            } catch (IllegalArgumentException e) {
                problems.add(file + ": fileDrop.maxFileSize '" + drop.maxFileSize() + "' is not a size like 32MB");
            }
        }
        switch (format) {
            case "csv" -> {
                SourceDefinition.Csv csv = drop.csv();
                if (csv == null || csv.columns().isEmpty()) {
                    problems.add(file + ": fileDrop.csv.columns must map the CSV header names to canonical fields");
                    return;
                }
                if (csv.delimiter() != null && csv.delimiter().length() != 1) {
                    problems.add(file + ": fileDrop.csv.delimiter must be one character");
                }
                Stream.concat(csv.columns().values().stream(), csv.constants().keySet().stream())
                        .filter(pointer -> pointer == null || !pointer.matches("(/[A-Za-z][A-Za-z0-9]*)+"))
                        .forEach(pointer -> problems.add(file + ": fileDrop.csv: '" + pointer
                                + "' is not a field pointer like /reporter/phone"));
                if (!csv.columns().containsValue("/source/recordId")) {
                    problems.add(file + ": fileDrop.csv.columns must map a column to /source/recordId "
                            + "(the row's own id: a file dropped twice is then accepted once)");
                }
            }
            case "xml" -> {
                // canonical <records> batch, or the source's own XML mapped by records.<type>.xslt
            }
            default -> problems.add(file + ": fileDrop.format must be csv or xml");
        }
    }

    static void checkAcrossSources(Map<Path, SourceDefinition> sources, List<String> problems) {
        Map<String, Path> usernames = new HashMap<>();
        sources.forEach((file, source) -> {
            SourceDefinition.UsernameToken token = source.soap().usernameToken();
            if (token != null && token.username() != null) {
                Path other = usernames.putIfAbsent(token.username(), file);
                if (other != null) {
                    problems.add(file + ": soap.usernameToken.username '" + token.username() + "' is also used by " + other);
                }
            }
        });
        // the Open311 door picks the source by jurisdiction_id, so a jurisdiction has one source
        Map<String, Path> jurisdictions = new HashMap<>();
        sources.forEach((file, source) -> {
            if (source.open311() != null) {
                for (String j : source.open311().jurisdictions()) {
                    Path other = j == null ? null : jurisdictions.putIfAbsent(j, file);
                    if (other != null) {
                        problems.add(file + ": open311.jurisdictions: '" + j + "' is also served by " + other);
                    }
                }
            }
        });
    }

    static void checkDelivery(Path file, SubscriberDefinition subscriber, List<String> problems) {
        SubscriberDefinition.Delivery delivery = subscriber.delivery();
        if (!DELIVERY_TYPES.contains(delivery.type())) {
            problems.add(file + ": delivery.type '" + delivery.type() + "' is not supported (queue, soap, rest)");
            return;
        }
        if (!delivery.pushed()) {
            return;
        }
        if (delivery.endpoint() == null || delivery.endpoint().isBlank()) {
            problems.add(file + ": delivery.endpoint is missing (the " + delivery.type() + " endpoint of the case system)");
        } else if (!delivery.endpoint().contains("${") && !delivery.endpoint().matches("https?://.+")) {
            problems.add(file + ": delivery.endpoint '" + delivery.endpoint() + "' is not an http(s) URL");
        }
        if (delivery.concurrency() != null && (delivery.concurrency() < 1 || delivery.concurrency() > 64)) {
            problems.add(file + ": delivery.concurrency must be between 1 and 64");
        }
        duration(file, "delivery.timeout", delivery.timeout(), problems);
        SubscriberDefinition.Retry retry = delivery.retry();
        if (retry.maxAttempts() != null && retry.maxAttempts() < 1) {
            problems.add(file + ": delivery.retry.maxAttempts must be at least 1");
        }
        if (retry.multiplier() != null && retry.multiplier() < 1.0) {
            problems.add(file + ": delivery.retry.multiplier must be at least 1");
        }
        duration(file, "delivery.retry.initialBackoff", retry.initialBackoff(), problems);
        duration(file, "delivery.retry.maxBackoff", retry.maxBackoff(), problems);
        SubscriberDefinition.CircuitBreaker breaker = delivery.circuitBreaker();
        if (breaker.failureRateThreshold() != null && (breaker.failureRateThreshold() < 1 || breaker.failureRateThreshold() > 100)) {
            problems.add(file + ": delivery.circuitBreaker.failureRateThreshold must be a percentage (1-100)");
        }
        if (breaker.minimumCalls() != null && breaker.minimumCalls() < 1) {
            problems.add(file + ": delivery.circuitBreaker.minimumCalls must be at least 1");
        }
        duration(file, "delivery.circuitBreaker.openWait", breaker.openWait(), problems);
        duration(file, "delivery.circuitBreaker.maxOpenWait", breaker.maxOpenWait(), problems);
        if (delivery.oauth2() != null) {
            SubscriberDefinition.OAuth2 oauth2 = delivery.oauth2();
            if (!delivery.pushed()) {
                problems.add(file + ": delivery.oauth2 applies to rest and soap delivery only");
            }
            if (Boolean.TRUE.equals(oauth2.realm())) {
                if (oauth2.tokenEndpoint() != null || oauth2.clientId() != null || oauth2.clientSecret() != null) {
                    problems.add(file + ": delivery.oauth2.realm uses the gateway's own client (lienthong.oidc.*): leave out tokenEndpoint, clientId and clientSecret");
                }
            } else if (oauth2.tokenEndpoint() == null || oauth2.clientId() == null || oauth2.clientSecret() == null) {
                problems.add(file + ": delivery.oauth2 needs tokenEndpoint, clientId and clientSecret (or realm: true)");
            }
            if (delivery.usernameToken() != null) {
                problems.add(file + ": delivery has both oauth2 and usernameToken: choose one");
            }
        }
        if (delivery.usernameToken() != null && !"soap".equals(delivery.type())) {
            problems.add(file + ": delivery.usernameToken applies to soap delivery only");
        }
    }

    /** Parses {@code 500ms}, {@code 10s}, {@code 5m} (or ISO-8601); null when unset. */
    static Duration parseDuration(String value) {
        return value == null ? null : DurationStyle.detectAndParse(value.strip());
    }

    private static void duration(Path file, String name, String value, List<String> problems) {
        if (value == null || value.contains("${")) {
            return;
        }
        try {
            Duration d = parseDuration(value);
            if (d.isNegative() || d.isZero()) {
                problems.add(file + ": " + name + " must be positive");
            }
        } catch (IllegalArgumentException e) {
            problems.add(file + ": " + name + " '" + value + "' is not a duration like 500ms, 10s or 5m");
        }
    }

    private static boolean isRecordType(String slug) {
        return slug != null && Stream.of(RecordType.values()).anyMatch(t -> t.slug().equals(slug));
    }

    private static String xslt(SourceDefinition source, String type) {
        SourceDefinition.RecordMapping mapping = source.records().get(type);
        return mapping == null ? null : mapping.xslt();
    }
}
