package vn.lienthong.gateway.intake;

/**
 * The answer to an accepted submission.
 *
 * @param id           gateway id of the record
 * @param trackingCode code for the citizen
 * @param status       {@code ACCEPTED}, or {@code ALREADY_ACCEPTED} for a resubmission (nothing published)
 */
public record IntakeResult(String id, String trackingCode, String status) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String ALREADY_ACCEPTED = "ALREADY_ACCEPTED";

    public boolean isNew() {
        return ACCEPTED.equals(status);
    }
}
