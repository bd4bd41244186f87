package vn.lienthong.gateway.publish;

/** The broker did not confirm a durable send; the record was not accepted. */
public class BrokerUnavailableException extends Exception {
    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
