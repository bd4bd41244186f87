package vn.lienthong.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayConfigException;
import vn.lienthong.gateway.normalize.RecordType;

/** The JSLT mappings of every source, compiled once at start-up (a syntax error stops the start). */
public final class SourceMappings {

    private final Map<String, Expression> bySourceAndType;

    private SourceMappings(Map<String, Expression> bySourceAndType) {
        this.bySourceAndType = bySourceAndType;
    }

    public static SourceMappings compile(GatewayConfig config) {
        Map<String, Expression> compiled = new HashMap<>();
        List<String> problems = new ArrayList<>();
        config.sources().values().forEach(source -> source.records().forEach((type, mapping) -> {
            if (mapping.mapping() == null) {
                return; // an XSLT-only source (SOAP, XML files): XsltMappings
            }
            Path file = config.mappingsDirectory().resolve(mapping.mapping());
            try {
                compiled.put(key(source.id(), type), Parser.compileString(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException | JsltException e) {
                problems.add(file + ": " + e.getMessage());
            }
        }));
        if (!problems.isEmpty()) {
            throw new GatewayConfigException(problems);
        }
        return new SourceMappings(Map.copyOf(compiled));
    }

    public Optional<Expression> mapping(String sourceId, RecordType type) {
        return Optional.ofNullable(bySourceAndType.get(key(sourceId, type.slug())));
    }

    /** Applies a mapping; a JSLT runtime error (the input has an unexpected shape) is the caller's 400. */
    public static JsonNode apply(Expression expression, JsonNode input) {
        return expression.apply(input);
    }

    private static String key(String sourceId, String type) {
        return sourceId + "|" + type;
    }
}
