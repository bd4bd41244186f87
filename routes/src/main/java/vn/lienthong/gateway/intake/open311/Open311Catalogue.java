package vn.lienthong.gateway.intake.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SourceDefinition;

/**
 * The Open311 sources by jurisdiction. The door has one URL for every Open311 client, so the
 * {@code jurisdiction_id} (a province code) says whose service list and requests are meant; a
 * jurisdiction has one source (checked at start-up). With a single jurisdiction in all, it may be
 * left out, as the spec allows.
 */
public final class Open311Catalogue {

    /** One jurisdiction: the source serving it and its Open311 settings. */
    public record Jurisdiction(String id, String sourceId, Open311SourceDefinition settings) {

        public Optional<Open311SourceDefinition.Service> service(String code) {
            return settings.services().stream().filter(s -> s.code().equals(code)).findFirst();
        }

        /** The service a stored case was filed under: its kind and category identify it (unique per source). */
        public Optional<Open311SourceDefinition.Service> serviceOf(String kind, String categoryCode) {
            return settings.services().stream()
                    .filter(s -> s.kind().equals(kind) && java.util.Objects.equals(s.category(), categoryCode)).findFirst();
        }
    }

    private final Map<String, Jurisdiction> byId = new LinkedHashMap<>();

    public Open311Catalogue(GatewayConfig config) {
        for (SourceDefinition source : config.sources().values()) {
            if (source.open311() != null) {
                source.open311().jurisdictions().forEach(j -> byId.put(j, new Jurisdiction(j, source.id(), source.open311())));
            }
        }
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public List<Jurisdiction> all() {
        return List.copyOf(byId.values());
    }

    /**
     * @param jurisdictionId the request's {@code jurisdiction_id}, or null
     * @throws Open311Error 400 when it is missing and there is more than one; 404 when unknown
     */
    public Jurisdiction resolve(String jurisdictionId) {
        if (jurisdictionId == null || jurisdictionId.isBlank()) {
            if (byId.size() == 1) {
                return byId.values().iterator().next();
            }
            throw new Open311Error(400, "jurisdiction_id was not provided (this endpoint serves " + byId.keySet() + ")");
        }
        Jurisdiction j = byId.get(jurisdictionId.strip());
        if (j == null) {
            throw new Open311Error(404, "jurisdiction_id " + jurisdictionId.strip() + " was not found");
        }
        return j;
    }
}
