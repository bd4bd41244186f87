package vn.lienthong.simulator;

/** How the case system behaves right now. */
public enum Mode {
    /** Takes every case. */
    NORMAL,
    /** The service port is closed: connections are refused. */
    DOWN,
    /** Answers, but only after the configured delay. */
    SLOW,
    /** Answers HTTP 500 with a plain-text body (a proxy or container error), for SOAP and REST. */
    HTTP_500,
    /** SOAP: a Server fault; REST: 503 with a JSON error. */
    SOAP_FAULT,
    /** Refuses cases as invalid (SOAP: CaseRejected Client fault; REST: 422), all or those matching. */
    REJECT;

    public static Mode parse(String value) {
        return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
