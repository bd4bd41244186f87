package vn.lienthong.gateway.tracking;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import vn.lienthong.gateway.intake.IntakeService;

/**
 * What a citizen is shown for a tracking code: the status (with its Vietnamese wording), dates and
 * the handling agency, and the same for each earlier status. Built field by field from the case
 * row, never from the record: no content, no person, no subscriber, no note.
 */
public final class CitizenView {

    /** Status wording for citizens (also for the SMS replies of the TRACUU command). */
    public static final Map<CaseStatus, String> WORDING = Map.of(
            CaseStatus.RECEIVED, "Đã tiếp nhận",
            CaseStatus.FORWARDED, "Đã chuyển đến cơ quan có thẩm quyền",
            CaseStatus.ACCEPTED_FOR_HANDLING, "Đã thụ lý",
            CaseStatus.IN_PROGRESS, "Đang xử lý",
            CaseStatus.TRANSFERRED, "Đã chuyển cơ quan khác xử lý",
            CaseStatus.RESOLVED, "Đã giải quyết",
            CaseStatus.REJECTED, "Không thụ lý");

    private CitizenView() {
    }

    public static ObjectNode json(TrackingService.CaseDetails details) {
        CaseRow row = details.row();
        ObjectNode json = IntakeService.json().createObjectNode();
        json.put("trackingCode", row.trackingCode());
        json.put("status", row.status().name());
        json.put("statusText", WORDING.get(row.status()));
        json.put("acceptedAt", CaseRow.local(row.acceptedAt()).toString());
        json.put("updatedAt", CaseRow.local(row.updatedAt()).toString());
        agency(json, row.handlingAgencyCode(), row.handlingAgencyName());
        ArrayNode history = json.putArray("history");
        for (CaseStore.StatusRow s : details.history()) {
            ObjectNode step = history.addObject();
            step.put("status", s.status().name());
            step.put("statusText", WORDING.get(s.status()));
            step.put("at", CaseRow.local(s.reportedAt()).toString());
            agency(step, s.handlingAgencyCode(), s.handlingAgencyName());
        }
        return json;
    }

    private static void agency(ObjectNode json, String code, String name) {
        if (code == null && name == null) {
            return;
        }
        ObjectNode agency = json.putObject("handlingAgency");
        if (code != null) {
            agency.put("code", code);
        }
        if (name != null) {
            agency.put("name", name);
        }
    }
}
