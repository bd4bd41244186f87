package vn.lienthong.gateway.intake.open311;

import java.util.List;
import vn.lienthong.gateway.tracking.CaseStatus;

/** The status loop's statuses as Open311's two: a request is closed once resolved or rejected. */
public final class Open311Status {

    public static final List<CaseStatus> CLOSED = List.of(CaseStatus.RESOLVED, CaseStatus.REJECTED);
    public static final List<CaseStatus> OPEN = java.util.Arrays.stream(CaseStatus.values()).filter(s -> !CLOSED.contains(s)).toList();

    private Open311Status() {
    }

    public static String of(CaseStatus status) {
        return CLOSED.contains(status) ? "closed" : "open";
    }
}
