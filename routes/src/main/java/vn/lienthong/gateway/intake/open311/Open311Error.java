package vn.lienthong.gateway.intake.open311;

import java.util.List;

/**
 * An error as GeoReport v2 answers it: an HTTP status (400, 403, 404 as the spec assigns them) and
 * one or more {@code <error><code/><description/></error>}, the code being the HTTP status.
 */
public final class Open311Error extends RuntimeException {

    private final int status;
    private final List<String> descriptions;

    public Open311Error(int status, String description) {
        this(status, List.of(description));
    }

    public Open311Error(int status, List<String> descriptions) {
        super(status + " " + String.join("; ", descriptions), null, false, false);
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
    }

    public int status() {
        return status;
    }

    public List<String> descriptions() {
        return descriptions;
    }
}
